/** What the Apps Script classes throw for arguments they refuse, in Apps Script's words. */
import { EmuObject } from './calls';
import { isDate } from './dates';

export function fail(message: string): never {
  throw new Error(message);
}

function typeName(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return '';
  if (typeof x === 'number') return 'number';
  if (typeof x === 'string') return 'String';
  if (typeof x === 'boolean') return 'Boolean';
  if (isDate(x)) return 'Date';
  if (Array.isArray(x)) return Array.isArray(x[0]) ? 'Object[][]' : 'Object[]';
  if (x instanceof EmuObject) return (x.constructor as typeof EmuObject).emuClass;
  return 'Object';
}

export function signatureError(args: unknown[], cls: string, method: string): never {
  const types = args.filter((a) => a !== undefined).map(typeName);
  fail(
    `The parameters (${types.join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

export function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}
