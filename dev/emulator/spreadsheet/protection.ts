/** Apps Script's Protection (developers.google.com/apps-script/reference/spreadsheet/protection). */
import { EmuObject } from '../calls';
import { ProtectionModel, SheetModel, Span } from '../model';
import { Runtime } from '../runtime';
import { RangeImpl } from './range';

/** A new protection as Range.protect and Sheet.protect make it: the script's user is its only editor. */
export function addProtection(
  rt: Runtime,
  kind: ProtectionModel['kind'],
  sheet: SheetModel,
  span: Span | null,
): ProtectionImpl {
  const p: ProtectionModel = {
    kind,
    sheet,
    span,
    description: '',
    warningOnly: false,
    unprotected: [],
    editors: [rt.userEmail],
    domainEdit: false,
  };
  rt.wb.protections.push(p);
  return new ProtectionImpl(rt, p);
}

export class ProtectionImpl extends EmuObject {
  static emuClass = 'Protection';
  constructor(
    private rt: Runtime,
    readonly model: ProtectionModel,
  ) {
    super();
  }
  getDescription() {
    return this.model.description;
  }
  setDescription(description: string) {
    this.model.description = String(description);
    return this;
  }
  isWarningOnly() {
    return this.model.warningOnly;
  }
  setWarningOnly(warningOnly: boolean) {
    this.model.warningOnly = !!warningOnly;
    return this;
  }
  getRange() {
    const sp = this.model.span;
    if (!sp)
      return new RangeImpl(
        this.rt,
        this.model.sheet,
        1,
        1,
        this.model.sheet.maxRows,
        this.model.sheet.maxCols,
      );
    return new RangeImpl(this.rt, sp.sheet, sp.row, sp.col, sp.numRows, sp.numCols);
  }
  remove() {
    this.rt.wb.protections = this.rt.wb.protections.filter((p) => p !== this.model);
  }
}
