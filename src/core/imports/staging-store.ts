import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StagedUnit } from './worker-protocol';

/** Previews kept at most at once (a window that reloaded forgets its ids; the oldest go first). */
export const MAX_KEPT_PREVIEWS = 50;

/** The staging folder of a data folder: beside the database, never inside it. */
export const stagingRoot = (dataDir: string): string => join(dataDir, 'staging');

/**
 * Deletes every kept preview of a data folder: at start (a crash left them; no window knows their
 * ids any more) and when the core closes (a preview nobody confirmed is discarded).
 */
export function removeStaging(dataDir: string): number {
  const root = stagingRoot(dataDir);
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return 0;
  }
  rmSync(root, { recursive: true, force: true });
  return names.length;
}

/**
 * The previews whose parsed batches are kept for their confirm (`imports.preview` with `stage`),
 * one folder each under `<dataDir>/staging/<preview jobId>/`. They are the user's order data, so
 * none stays longer than needed: consumed by the run that names it, discarded on
 * `imports.discardPreview`, by a newer preview of the same id, past MAX_KEPT_PREVIEWS, and all
 * when the core closes or starts. Losing one is always safe: the confirm then reads the file.
 */
export class StagingStore {
  private readonly root: string;
  /** In the order they were kept (a Map keeps insertion order: the first is the oldest). */
  private readonly previews = new Map<string, StagedUnit[]>();

  constructor(dataDir: string) {
    this.root = stagingRoot(dataDir);
  }

  /** A fresh, empty folder for a preview about to run (what an earlier preview of that id kept is gone). */
  prepare(jobId: string): string {
    this.discard(jobId);
    const dir = join(this.root, jobId);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  /** Keeps what a finished preview staged; a preview that kept nothing leaves no folder. */
  keep(jobId: string, units: StagedUnit[]): void {
    if (units.length === 0) {
      this.discard(jobId);
      return;
    }
    this.previews.set(jobId, units);
    while (this.previews.size > MAX_KEPT_PREVIEWS) this.discard(this.previews.keys().next().value!);
  }

  /** The kept units of these previews (copies: the run uses each once). */
  units(jobIds: readonly string[]): StagedUnit[] {
    return jobIds.flatMap((id) => this.previews.get(id) ?? []);
  }

  has(jobId: string): boolean {
    return this.previews.has(jobId);
  }

  /** Deletes a preview's folder; answers whether it had kept anything. */
  discard(jobId: string): boolean {
    const existed = this.previews.delete(jobId);
    rmSync(join(this.root, jobId), { recursive: true, force: true });
    return existed;
  }
}
