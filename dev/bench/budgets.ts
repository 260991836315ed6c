/** Service-call budgets of the workbook flows: counts, not timings. Filled in by the workbook issue. */
export function budgetCases(code: string): void {
  void code;
}
