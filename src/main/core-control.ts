/*
 * Messages between main and the core's utility process that are not RPC envelopes. They share
 * the process's message channel; parseMessage() ignores them, so the core's RPC never sees them.
 */

/** Main → core process: finish running writes, close the database, exit. */
export const SHUTDOWN_MESSAGE = { kind: 'control', command: 'shutdown' } as const;

export const isShutdownMessage = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'control' && (value as { command?: unknown }).command === 'shutdown';

/** The utility process's command line: `--data-dir DIR` (main always passes it). */
export const coreProcessArgs = (dataDir: string): string[] => ['--data-dir', dataDir];
