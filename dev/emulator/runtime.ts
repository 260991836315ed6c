/** State shared by every emulated service of one emulator. */
import { AuthMode, CallLogImpl, type Invoke } from './calls';
import type { Checkpoint } from './checkpoint';
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

/** Another execution a test scheduled to run inside the current one, at its next `call` (Class.method). */
export interface Interleaving {
  when: 'before' | 'after';
  call: string;
  run: () => unknown;
  outcome: InterleaveOutcome;
}

/** What became of a scheduled execution: not yet run, its value, or what it threw. */
export interface InterleaveOutcome {
  ran: boolean;
  value?: unknown;
  error?: unknown;
}

/**
 * Writes of the running execution that other executions must not see yet (until flush or its end):
 * the document as the others see it (taken before the first unflushed write) and the writes to
 * replay on top of whatever the others commit meanwhile.
 */
export interface PendingWrites {
  committed: Checkpoint | null;
  writes: { target: object; fn: (...a: unknown[]) => unknown; args: unknown[] }[];
}

export interface Runtime {
  wb: Workbook;
  calls: CallLogImpl;
  authMode: AuthMode;
  ui: UiRecorderImpl;
  now(): Date;
  /** moves the emulator clock forward (a lock wait spends emulator time, not real time) */
  advanceClock(ms: number): void;
  userEmail: string;
  distDir: string;
  /** the current execution (a bundle call); 0 outside of calls */
  execution: number;
  locks: LockHolders;
  /** when the simulated other execution ('external') lets the document lock go, on the emulator clock */
  externalReleaseAt: number | null;
  /** executions scheduled to run inside the current one (emu.interleave) */
  interleavings: Interleaving[];
  /** unflushed writes of the running execution; null outside executions or when nothing can interleave */
  pending: PendingWrites | null;
  properties: Record<'document' | 'script' | 'user', Map<string, string>>;
  caches: Record<'document' | 'script' | 'user', Map<string, { value: string; expires: number }>>;
  logs: string[];
  /** runs each allowed call of the bundle */
  invoke?: Invoke;
}
