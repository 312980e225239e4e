import { existsSync, mkdirSync, renameSync, rmdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sidecars } from './data-paths';

/**
 * Moves the database file and its sidecars into `quarantine/<stamp>-<why>/`. Nothing is deleted:
 * a damaged ledger may still be salvaged by support. Returns the folder, or null if there was nothing.
 */
export function quarantineDatabase(dbFile: string, quarantineDir: string, at: Date, why: string): string | null {
  const present = [dbFile, ...sidecars(dbFile)].filter((f) => existsSync(f));
  if (present.length === 0) return null;
  const stamp = at.toISOString().replace(/[-:.]/g, '');
  let folder = join(quarantineDir, `${stamp}-${why}`);
  for (let n = 1; existsSync(folder); n += 1) folder = join(quarantineDir, `${stamp}-${why}-${n}`);
  mkdirSync(folder, { recursive: true });
  for (const file of present) renameSync(file, join(folder, basename(file)));
  return folder;
}

/** Undoes quarantineDatabase: moves the files of `folder` back beside `dbFile` (a failed restore puts them back). */
export function returnFromQuarantine(folder: string, dbFile: string): void {
  for (const file of [dbFile, ...sidecars(dbFile)]) {
    const kept = join(folder, basename(file));
    if (existsSync(kept)) renameSync(kept, file);
  }
  rmdirSync(folder);
}
