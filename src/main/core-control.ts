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

/**
 * The utility process's environment. On Linux (glibc), each of the importer's threads gets its own
 * malloc arenas; with both cores busy the core process grew to 0.6–1.1 GB during a 500k-line
 * import, and two arenas kept the same run at ~250 MB (measured, src/core/imports/README.md).
 * A value the user set themselves is kept.
 */
export function coreProcessEnv(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) result[key] = value;
  if (platform === 'linux' && result.MALLOC_ARENA_MAX === undefined) result.MALLOC_ARENA_MAX = '2';
  return result;
}
