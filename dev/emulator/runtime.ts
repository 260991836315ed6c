/** State shared by every emulated service of one emulator. */
import { AuthMode, CallLogImpl } from './calls';
import { Workbook } from './model';

export type MenuItem =
  { label: string; functionName: string } | { separator: true } | { submenu: string; items: MenuItem[] };

export interface UiRecorder {
  menus: { title: string; addon: boolean; items: MenuItem[] }[];
  sidebars: { title: string; html: string; width: number }[];
  dialogs: { title: string; html: string; modal: boolean; width: number; height: number }[];
  alerts: { title: string; prompt: string; buttons: string; kind: 'alert' | 'prompt' }[];
  toasts: { message: string; title: string }[];
  respond(answer: { button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'; text?: string }): void;
}

export class UiRecorderImpl implements UiRecorder {
  menus: UiRecorder['menus'] = [];
  sidebars: UiRecorder['sidebars'] = [];
  dialogs: UiRecorder['dialogs'] = [];
  alerts: UiRecorder['alerts'] = [];
  toasts: UiRecorder['toasts'] = [];
  answers: { button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'; text?: string }[] = [];
  respond(answer: { button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE'; text?: string }): void {
    this.answers.push(answer);
  }
}

export type LockKind = 'document' | 'script' | 'user';
/** Who holds each lock: an execution id, 'external' (a simulated other execution) or null. */
export type LockHolders = Record<LockKind, number | 'external' | null>;

export interface Runtime {
  wb: Workbook;
  calls: CallLogImpl;
  authMode: AuthMode;
  ui: UiRecorderImpl;
  now(): Date;
  userEmail: string;
  distDir: string;
  /** the current execution (a bundle call); 0 outside of calls */
  execution: number;
  locks: LockHolders;
  properties: Record<'document' | 'script' | 'user', Map<string, string>>;
  caches: Record<'document' | 'script' | 'user', Map<string, { value: string; expires: number }>>;
  logs: string[];
}
