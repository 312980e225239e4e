/**
 * Keeps the core's own thread from ever waiting on SQLite's write lock while an import holds it.
 *
 * better-sqlite3 is synchronous: a write on the core's connection during an import's transaction
 * (one per file, on the import's writer thread) sits in SQLite's busy handler — up to busy_timeout,
 * 5 s — with the event loop stopped: no answers, no progress events, no cancel. So the import
 * announces itself (`holdForImport`) and every core-thread write goes through `write()`, which
 * runs it at once when no import holds the lock, or queues it (a promise: the loop stays free)
 * until the import is done. An import starts only once the core writes in progress, and those
 * queued behind the previous import, have finished, so its writer never waits for the core either.
 */
export class WriteScheduler {
  private importing = 0;
  private active = 0;
  private queued: (() => void)[] = [];
  private drained: (() => void)[] = [];

  /** True while an import's writer may hold the write lock: core-thread writes now wait. */
  get isImportWriting(): boolean {
    return this.importing > 0;
  }

  /** Writes queued behind the import right now (tests, diagnostics). */
  get waiting(): number {
    return this.queued.length;
  }

  /**
   * Runs a write of the core's thread now, or after the running import. A write started inside
   * another one runs at once (an import never starts while a write is active), so nesting is safe.
   */
  async write<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.importing > 0) await new Promise<void>((resolve) => this.queued.push(resolve));
    else this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      if (this.active === 0) for (const wake of this.drained.splice(0)) wake();
    }
  }

  /** Runs an import (its writer thread takes the lock) once no core write is running or queued. */
  async holdForImport<T>(job: () => Promise<T>): Promise<T> {
    while (this.active > 0 || this.queued.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    this.importing += 1;
    try {
      return await job();
    } finally {
      this.importing -= 1;
      if (this.importing === 0) {
        const release = this.queued.splice(0);
        this.active += release.length;
        for (const run of release) run();
      }
    }
  }
}
