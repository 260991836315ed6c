/** The bundle's console: Apps Script sends it to the execution log, as Logger. */
import { Runtime } from '../runtime';
import { formatLog } from './logger';

/** A console that records into the emulator's log instead of printing (tests stay quiet). */
export function makeConsole(rt: Runtime) {
  const rec =
    (level: string) =>
    (...args: unknown[]) =>
      rt.logs.push(
        (level === 'log' ? '' : `[${level}] `) +
          args.map((a) => (typeof a === 'string' ? a : formatLog(a, []))).join(' '),
      );
  return { log: rec('log'), info: rec('info'), warn: rec('warn'), error: rec('error'), debug: rec('debug') };
}
