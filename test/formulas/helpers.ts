import { setFormulaContextProvider, type FormulaContext } from '../../src/formulas/context';

/** A spreadsheet in `locale` and UTC (so Sheets' midnight Dates are UTC midnights), today 2024-06-15. */
export function useSpreadsheet(overrides: Partial<FormulaContext> = {}): void {
  setFormulaContextProvider(() => ({
    locale: 'en_US',
    timeZone: 'UTC',
    today: new Date(Date.UTC(2024, 5, 15, 14, 30)),
    ...overrides,
  }));
}

/** A date cell as Sheets passes it in a UTC spreadsheet. */
export const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A column range as Sheets passes it. */
export const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

/** The message a formula call throws (fails the test if it does not throw). */
export function messageOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error('expected the formula to throw');
}
