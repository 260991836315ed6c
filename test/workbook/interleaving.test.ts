/**
 * A seeded random interleaving of what users do (typing in columns and tabs of their own, inserting rows
 * and columns, renaming and swapping client tabs, formatting columns as plain text) with the add-on's
 * flows, on the built bundle. A ledger keeps every cell a user typed, following it as rows and columns
 * are inserted; afterwards every one must hold what it held when typed. A flow may refuse, but then
 * nothing may have changed; no flow may throw anything but a message for the user.
 *
 * In `npm test`: 12 runs of up to 30 steps. `npm run fuzz`: 300 runs of up to 60 steps (FUZZ_RUNS,
 * FUZZ_STEPS and FUZZ_SEED override). On failure fast-check prints the seed and the shrunk recipe.
 */
import fc from 'fast-check';
import { checkIn, harness, SAMPLE_CLIENT, type Harness } from './helpers';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type R = { ok: boolean; value?: Record<string, unknown>; message?: string };

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const STEPS = Number(process.env.FUZZ_STEPS ?? 30);
const SEED = Number(process.env.FUZZ_SEED ?? 20260930);

const TEXTS = ['note', '=1+1', '007', '+1 call', "'quoted", '3/4', 'TRUE', '__proto__', '=SUM(A1) 30'];
const NAMES = ['Ann', 'Bob', '=SUM(A1) 30', '007', "O'Brien", 'constructor', 'Ann log'];
const MANAGED = ['Clients', 'Payments', 'Requests', 'Dashboard'];
/** A label in the header row of each managed sheet (the row the user's own header label goes in). */
const HEADER_LABEL: Record<string, string> = {
  Clients: 'Client ID',
  Payments: 'Client ID',
  Requests: 'Client ID',
  Dashboard: 'Why',
};

/** Where the user's action happens: a managed sheet, the k-th client tab, or the user's own tab. */
type Target = { kind: 'managed'; name: string } | { kind: 'client'; index: number } | { kind: 'own' };

type Step =
  | { do: 'addColumn'; target: Target; position: number; labelled: boolean }
  | { do: 'type'; target: Target; column: number; row: number; text: string }
  | { do: 'insertRows'; target: Target; position: number; count: number }
  | { do: 'renameTab'; index: number; name: string }
  | { do: 'takeName'; name: string }
  | { do: 'swapTabs'; a: number; b: number }
  | { do: 'plainText'; target: Target; label: string }
  | { do: 'overwriteLink'; client: number }
  | { do: 'setUp' }
  | { do: 'refresh' }
  | { do: 'createClient'; name: string; metric: string; program: string }
  | { do: 'checkIn'; client: number; week: number; text: string; replace: boolean }
  | { do: 'payment'; client: number; note: string }
  | { do: 'request'; client: number; text: string }
  | { do: 'offboard'; client: number }
  | { do: 'adopt' };

const target: fc.Arbitrary<Target> = fc.oneof(
  fc.constantFrom(...MANAGED).map((name): Target => ({ kind: 'managed', name })),
  fc.nat(3).map((index): Target => ({ kind: 'client', index })),
  fc.constant<Target>({ kind: 'own' }),
);
const text = fc.constantFrom(...TEXTS);
/** What a user types into cells: no cell references (Sheets rightly moves those when rows are inserted). */
const typed = fc.constantFrom(...TEXTS.filter((t) => !/[A-Z]\d/.test(t)));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ do: fc.constant('addColumn' as const), target, position: fc.integer({ min: 1, max: 12 }), labelled: fc.boolean() }) }, // prettier-ignore
  { weight: 5, arbitrary: fc.record({ do: fc.constant('type' as const), target, column: fc.nat(5), row: fc.integer({ min: 1, max: 8 }), text: typed }) }, // prettier-ignore
  { weight: 2, arbitrary: fc.record({ do: fc.constant('insertRows' as const), target, position: fc.integer({ min: 1, max: 20 }), count: fc.constantFrom(1, 2, 150) }) }, // prettier-ignore
  { weight: 1, arbitrary: fc.record({ do: fc.constant('renameTab' as const), index: fc.nat(3), name: fc.constantFrom(...NAMES) }) }, // prettier-ignore
  { weight: 1, arbitrary: fc.record({ do: fc.constant('swapTabs' as const), a: fc.nat(3), b: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('takeName' as const), name: fc.constantFrom('Settings', 'Payments', 'Dashboard') }) }, // prettier-ignore
  { weight: 2, arbitrary: fc.record({ do: fc.constant('plainText' as const), target, label: fc.constantFrom('Wins', 'Notes', 'Entered by', 'Note', 'Request', 'Client', 'Program', 'Detail') }) }, // prettier-ignore
  { weight: 1, arbitrary: fc.record({ do: fc.constant('overwriteLink' as const), client: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ do: 'setUp' }) },
  { weight: 1, arbitrary: fc.constant<Step>({ do: 'refresh' }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('createClient' as const), name: fc.constantFrom(...NAMES), metric: fc.constantFrom('Revenue', '__proto__', 'toString', 'Weight', 'Satisfaction'), program: text }) }, // prettier-ignore
  { weight: 4, arbitrary: fc.record({ do: fc.constant('checkIn' as const), client: fc.nat(3), week: fc.nat(3), text, replace: fc.boolean() }) }, // prettier-ignore
  { weight: 1, arbitrary: fc.record({ do: fc.constant('payment' as const), client: fc.nat(3), note: text }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('request' as const), client: fc.nat(3), text }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('offboard' as const), client: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.constant<Step>({ do: 'adopt' }) },
);

interface Typed {
  sheetId: number;
  row: number;
  column: number;
  value: unknown;
  formula: string;
  step: number;
}

/** A workbook, the user's own tab and log tab, and what the user has typed so far. */
class World {
  readonly h: Harness = harness();
  readonly ledger: Typed[] = [];
  /** The user's own columns (1-based) per sheet ID, moved along as columns are inserted. */
  readonly ownColumns = new Map<number, number[]>();
  stepIndex = 0;
  readonly ownTab: number;

  constructor() {
    const ss = this.h.emu.spreadsheet;
    this.h.sheet('Sheet1').setName('My notes');
    this.ownTab = this.h.sheet('My notes').getSheetId();
    this.ownColumns.set(this.ownTab, [1, 2, 3, 4, 5, 6]);
    this.h.sheet('My notes').getRange('A1:B3').setValues([['Rent', 1200], ['Phone', 40], ['Gym', 35]]); // prettier-ignore
    this.remember(this.h.sheet('My notes'), 1, 1, 3, 2);
    for (const name of ['Weights', 'Weights 2']) {
      const log = ss.insertSheet(name);
      log.getRange('A1:B3').setValues([['Date', 'Weight'], ['2024-05-06', 90], ['2024-05-13', 89]]); // prettier-ignore
      this.remember(log, 1, 1, 3, 2);
    }
  }

  /** Records the cells of a block the user just typed, as the sheet now holds them. */
  remember(sheet: Sheet, row: number, column: number, rows: number, columns: number): void {
    const range = sheet.getRange(row, column, rows, columns);
    const values = range.getValues();
    const formulas = range.getFormulas();
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) {
        // Typing over a cell typed before replaces it in the ledger.
        const at = this.ledger.findIndex((t) => t.sheetId === sheet.getSheetId() && t.row === row + r && t.column === column + c); // prettier-ignore
        if (at >= 0) this.ledger.splice(at, 1);
        const entry = { sheetId: sheet.getSheetId(), row: row + r, column: column + c, value: values[r][c], formula: formulas[r][c], step: this.stepIndex }; // prettier-ignore
        this.ledger.push(JSON.parse(JSON.stringify(entry)) as Typed);
      }
    }
  }

  sheetById(id: number): Sheet | undefined {
    return this.h.emu.spreadsheet.getSheets().find((s) => s.getSheetId() === id);
  }

  /** The client tabs, by the roster's Tab ID column (empty before Set up). */
  clients(): { clientId: string; sheetId: number }[] {
    const roster = this.h.emu.spreadsheet.getSheetByName('Clients');
    if (!roster) return [];
    const values = roster.getDataRange().getValues();
    const headerRow = values.findIndex((row) => row.includes('Client ID') && row.includes('Tab ID'));
    if (headerRow < 0) return [];
    const id = values[headerRow].indexOf('Client ID');
    const tab = values[headerRow].indexOf('Tab ID');
    return values
      .slice(headerRow + 1)
      .filter((row) => typeof row[tab] === 'number' && String(row[id]) !== '')
      .map((row) => ({ clientId: String(row[id]), sheetId: row[tab] as number }));
  }

  sheetOf(t: Target): Sheet | undefined {
    if (t.kind === 'own') return this.sheetById(this.ownTab);
    if (t.kind === 'managed') return this.h.emu.spreadsheet.getSheetByName(t.name) ?? undefined;
    const clients = this.clients();
    return clients.length ? this.sheetById(clients[t.index % clients.length].sheetId) : undefined;
  }

  /** 1-based header row of a sheet: where its header labels are (row 1 for the user's tab). */
  headerRow(sheet: Sheet): number | null {
    const name = sheet.getName();
    if (sheet.getSheetId() === this.ownTab) return 1;
    const label = MANAGED.includes(name) ? HEADER_LABEL[name] : 'Week of';
    const values = sheet.getDataRange().getValues();
    const row = values.findIndex((cells) => cells.includes(label));
    return row < 0 ? null : row + 1;
  }

  shiftRows(sheetId: number, before: number, count: number): void {
    for (const t of this.ledger) if (t.sheetId === sheetId && t.row >= before) t.row += count;
  }

  shiftColumns(sheetId: number, before: number, count: number): void {
    for (const t of this.ledger) if (t.sheetId === sheetId && t.column >= before) t.column += count;
    const own = this.ownColumns.get(sheetId) ?? [];
    this.ownColumns.set(
      sheetId,
      own.map((column) => (column >= before ? column + count : column)),
    );
  }

  /** After a flow saved `typed` under `label` on 1-based `row` of `sheet`, the cell shows it as typed. */
  shows(sheet: Sheet | undefined, headerLabel: string, row: number, label: string, typed: string): void {
    if (!sheet) return;
    const values = sheet.getDataRange().getValues();
    const header = values.find((cells) => cells.includes(headerLabel)) ?? [];
    const column = header.indexOf(label);
    if (column < 0) return;
    const cell = sheet.getRange(row, column + 1);
    expect([sheet.getName(), label, cell.getDisplayValue(), cell.getFormula()]).toEqual([sheet.getName(), label, typed, '']); // prettier-ignore
  }

  /** Runs an add-on flow: an RPC answers ok or a refusal that changed nothing; a menu alerts or succeeds. */
  flow(kind: 'rpc' | 'menu', name: string, ...args: unknown[]): R | undefined {
    return this.flowRefusing([], kind, name, ...args);
  }

  /** `flow`, where an RPC may only be refused on one of `fields` (valid input must be accepted). */
  flowRefusing(fields: string[], kind: 'rpc' | 'menu', name: string, ...args: unknown[]): R | undefined {
    const before = this.h.snapshot();
    const alerts = this.h.emu.ui.alerts.length;
    if (kind === 'menu') this.h.emu.ui.respond({ button: 'OK' });
    const result = this.h.call<R | undefined>(name, ...args);
    if (process.env.FUZZ_DEBUG)
      console.log(
        name,
        JSON.stringify(result)?.slice(0, 200),
        this.h.emu.ui.alerts.at(-1)?.prompt?.slice(0, 100),
      );
    const refused = kind === 'rpc' ? result?.ok === false : this.h.emu.ui.alerts.length > alerts;
    if (refused) {
      const message = kind === 'rpc' ? result?.message : this.h.emu.ui.alerts.at(-1)?.prompt;
      expect(typeof message).toBe('string');
      expect(message).not.toMatch(/TypeError|Cannot read|undefined|\[object Object\]/);
      // A refusal leaves every cell as it was.
      expect(this.h.snapshot()).toEqual(before);
      if (kind === 'rpc' && fields.length > 0) {
        const errors = (result as { errors?: { field: string; message: string }[] }).errors ?? [];
        for (const error of errors) {
          if (!fields.includes(error.field)) throw new Error(`${name} refused valid input: ${error.field}: ${error.message}`); // prettier-ignore
        }
      }
    }
    return result;
  }

  run(s: Step): void {
    const ss = this.h.emu.spreadsheet;
    switch (s.do) {
      case 'addColumn': {
        const sheet = this.sheetOf(s.target);
        if (!sheet) return;
        const position = Math.min(s.position, sheet.getMaxColumns());
        sheet.insertColumnsBefore(position, 1);
        this.shiftColumns(sheet.getSheetId(), position, 1);
        const own = this.ownColumns.get(sheet.getSheetId()) ?? [];
        this.ownColumns.set(sheet.getSheetId(), [...own, position]);
        const header = this.headerRow(sheet);
        if (s.labelled && header !== null) {
          sheet.getRange(header, position).setValue(`Mine ${this.stepIndex}`);
          this.remember(sheet, header, position, 1, 1);
        }
        return;
      }
      case 'type': {
        const sheet = this.sheetOf(s.target);
        const own = sheet ? (this.ownColumns.get(sheet.getSheetId()) ?? []) : [];
        if (!sheet || own.length === 0) return;
        const column = own[s.column % own.length];
        const row = (this.headerRow(sheet) ?? 1) + s.row;
        if (row > sheet.getMaxRows()) return;
        sheet.getRange(row, column).setValue(s.text);
        this.remember(sheet, row, column, 1, 1);
        return;
      }
      case 'insertRows': {
        const sheet = this.sheetOf(s.target);
        if (!sheet) return;
        const position = Math.min(s.position, sheet.getMaxRows());
        sheet.insertRowsBefore(position, s.count);
        this.shiftRows(sheet.getSheetId(), position, s.count);
        return;
      }
      case 'renameTab': {
        const sheet = this.sheetOf({ kind: 'client', index: s.index });
        if (sheet && !ss.getSheetByName(`${s.name} tab`)) sheet.setName(`${s.name} tab`);
        return;
      }
      case 'takeName': {
        // The user's own tab takes a managed sheet's name (that sheet, if any, steps aside first).
        const own = this.sheetOf({ kind: 'own' });
        if (!own || own.getName() === s.name) return;
        ss.getSheetByName(s.name)?.setName(`Old ${s.name} ${this.stepIndex}`);
        own.setName(s.name);
        return;
      }
      case 'swapTabs': {
        const a = this.sheetOf({ kind: 'client', index: s.a });
        const b = this.sheetOf({ kind: 'client', index: s.b });
        if (!a || !b || a.getSheetId() === b.getSheetId()) return;
        const [nameA, nameB] = [a.getName(), b.getName()];
        a.setName(`${nameA} (swap)`);
        b.setName(nameA);
        a.setName(nameB);
        return;
      }
      case 'plainText': {
        // Format > Number > Plain text on a whole column, found by its header label.
        const sheet = this.sheetOf(s.target);
        const header = sheet ? this.headerRow(sheet) : null;
        if (!sheet || header === null) return;
        const labels = sheet.getRange(header, 1, 1, sheet.getMaxColumns()).getValues()[0];
        const column = labels.indexOf(s.label) + 1;
        if (column > 0)
          sheet.getRange(header + 1, column, sheet.getMaxRows() - header, 1).setNumberFormat('@');
        return;
      }
      case 'overwriteLink': {
        // The user types their own formula over a client's Tab link: from then on the cell is theirs.
        const roster = ss.getSheetByName('Clients');
        const header = roster ? this.headerRow(roster) : null;
        const clients = this.clients();
        if (!roster || header === null || clients.length === 0) return;
        const values = roster.getDataRange().getValues();
        const tabColumn = values[header - 1].indexOf('Tab');
        const idColumn = values[header - 1].indexOf('Client ID');
        const row = values.findIndex(
          (cells) => cells[idColumn] === clients[s.client % clients.length].clientId,
        );
        if (tabColumn < 0 || row < 0) return;
        roster.getRange(row + 1, tabColumn + 1).setValue('="u40"');
        this.remember(roster, row + 1, tabColumn + 1, 1, 1);
        return;
      }
      case 'setUp':
        this.flow('menu', 'menuSetUpWorkbook');
        return;
      case 'refresh':
        if (ss.getSheetByName('Dashboard')) this.flow('menu', 'menuRefreshDashboard');
        return;
      case 'createClient': {
        if (!ss.getSheetByName('Clients')) return;
        const metrics = [{ name: s.metric, unit: '', direction: 'up', baseline: '1', target: '5' }];
        this.flowRefusing(['name', 'metrics.0.name'], 'rpc', 'rpcCreateClient', { ...SAMPLE_CLIENT, name: s.name, program: s.program, metrics }); // prettier-ignore
        return;
      }
      case 'checkIn': {
        const clients = this.clients();
        if (clients.length === 0) return;
        const { clientId } = clients[s.client % clients.length];
        const week = ['2024-05-20', '2024-05-27', '2024-06-03', '2024-06-10'][s.week];
        const values: unknown = JSON.parse(
          '{"Revenue":"12","__proto__":"3","toString":"4","Weight":"80","Satisfaction":"5"}',
        );
        // An adopted tab has no Wins or Notes column: those are left empty for it.
        const tabValues = this.sheetById(clients[s.client % clients.length].sheetId)?.getDataRange().getValues() ?? []; // prettier-ignore
        const ours = tabValues.some((cells) => cells.includes('Week of'));
        const typed = ours ? s.text : '';
        const form = { ...checkIn(clientId, week), values, satisfaction: '', wins: typed, notes: typed, replace: s.replace }; // prettier-ignore
        // Values for metrics the client does not have are refused by name: keep only theirs.
        let known: { metrics?: { name: string }[] } | null = null;
        try {
          known = this.h.call<{ metrics?: { name: string }[] }>('rpcGetCheckInForm', clientId);
        } catch (error) {
          // The form may fail with a message for the user (the sidebar shows it), never with a crash.
          expect((error as Error).name).toBe('WorkbookError');
        }
        const names = new Set((known?.metrics ?? []).map((m) => m.name));
        form.values = Object.fromEntries(Object.entries(values as object).filter(([k]) => names.has(k)));
        // A client whose form opened takes a valid check-in (or says its week is logged).
        const saved = this.flowRefusing(known ? ['weekOf'] : [], 'rpc', 'rpcSaveCheckIn', form);
        if (saved?.ok) {
          // The row is in this client's own tab (by Tab ID), dated that week, holding what was typed.
          const tab = this.sheetById(clients[s.client % clients.length].sheetId);
          const row = saved.value?.row as number;
          const cells = tab?.getRange(row, 1, 1, tab.getMaxColumns()).getValues()[0] ?? [];
          const dated = cells.some((c) => c instanceof Date && Math.abs(c.getTime() - Date.parse(String(saved.value?.weekOf))) < 86_400_000); // prettier-ignore
          expect([tab?.getName(), row, dated]).toEqual([tab?.getName(), row, true]);
          if (ours) this.shows(tab, 'Week of', row, 'Wins', s.text);
          for (const [metric, typed] of Object.entries(form.values as Record<string, string>))
            this.shows(tab, 'Week of', row, metric, typed);
        }
        return;
      }
      case 'payment': {
        const clients = this.clients();
        if (clients.length === 0) return;
        const { clientId } = clients[s.client % clients.length];
        const paid = this.flow('rpc', 'rpcRecordPayment', { clientId, due: '2024-06-01', paid: '', amount: '100', note: s.note }); // prettier-ignore
        if (paid?.ok) this.shows(ss.getSheetByName('Payments') ?? undefined, 'Client ID', paid.value?.row as number, 'Note', s.note); // prettier-ignore
        return;
      }
      case 'request': {
        const clients = this.clients();
        if (clients.length === 0) return;
        const { clientId } = clients[s.client % clients.length];
        this.flow('rpc', 'rpcLogRequest', { clientId, date: '2024-06-05', request: s.text, decision: 'Open', fee: '' }); // prettier-ignore
        return;
      }
      case 'offboard': {
        const clients = this.clients();
        if (clients.length === 0) return;
        const { clientId } = clients[s.client % clients.length];
        this.flow('rpc', 'rpcOffboardClient', { clientId, endDate: '2024-09-30', reason: 'Poor fit', noticeDate: '2024-08-01', endAtPeriodClose: false }); // prettier-ignore
        return;
      }
      case 'adopt':
        if (ss.getSheetByName('Clients')) this.flow('rpc', 'rpcAdoptTabs', ['Weights', 'weights 2']);
        return;
    }
  }

  /** Every typed cell still holds what it held when the user typed it. */
  lost(): string[] {
    const lost: string[] = [];
    for (const t of this.ledger) {
      const sheet = this.sheetById(t.sheetId);
      const cell = sheet?.getRange(t.row, t.column);
      const now = cell ? { value: cell.getValue() as unknown, formula: cell.getFormula() } : null;
      const same = now && now.formula === t.formula && (t.formula !== '' || JSON.stringify(now.value) === JSON.stringify(t.value)); // prettier-ignore
      if (!same) lost.push(`${sheet?.getName() ?? t.sheetId} R${t.row}C${t.column} typed at step ${t.step}: ${JSON.stringify(t.formula || t.value)} is now ${JSON.stringify(now?.formula || now?.value)}`); // prettier-ignore
    }
    return lost;
  }
}

test(`random interleavings of users and flows lose no typed cell (${RUNS} runs, up to ${STEPS} steps, seed ${SEED})`, () => {
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: STEPS, size: 'max' }), (steps) => {
      const world = new World();
      world.run({ do: 'setUp' });
      steps.forEach((s, i) => {
        world.stepIndex = i + 1;
        world.run(s);
      });
      expect(world.lost()).toEqual([]);
    }),
    { seed: SEED, numRuns: RUNS, endOnFailure: false },
  );
});
