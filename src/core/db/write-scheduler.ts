import { AsyncLocalStorage } from 'node:async_hooks';

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
  private readonly queued: (() => void)[] = [];
  private drained: (() => void)[] = [];
  /** Set inside a write: a write started from within one runs at once (nothing can overtake it). */
  private readonly inside = new AsyncLocalStorage<true>();

  /** True while an import's writer may hold the write lock: core-thread writes now wait. */
  get isImportWriting(): boolean {
    return this.importing > 0;
  }

  /** Writes queued behind the import right now (tests, diagnostics). */
  get waiting(): number {
    return this.queued.length;
  }

  /**
   * Runs a write of the core's thread: one at a time, in the order asked, and never while an
   * import holds the lock (then it waits, as a promise, until the import is done).
   */
  async write<T>(task: () => Promise<T> | T): Promise<T> {
    if (this.inside.getStore()) return task();
    if (this.importing > 0 || this.active > 0 || this.queued.length > 0) await new Promise<void>((resolve) => this.queued.push(resolve));
    else this.active += 1;
    try {
      return await this.inside.run(true, task);
    } finally {
      this.active -= 1;
      this.next();
    }
  }

  /** Resolves once no write is running or queued (before the database is closed or replaced). */
  async settled(): Promise<void> {
    while (this.active > 0 || this.queued.length > 0 || this.importing > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
  }

  /** Runs an import (its writer thread takes the lock) once no core write is running or queued. */
  async holdForImport<T>(job: () => Promise<T>): Promise<T> {
    while (this.active > 0 || this.queued.length > 0) await new Promise<void>((resolve) => this.drained.push(resolve));
    this.importing += 1;
    try {
      return await job();
    } finally {
      this.importing -= 1;
      this.next();
    }
  }

  private next(): void {
    if (this.importing > 0 || this.active > 0) return;
    const turn = this.queued.shift();
    if (turn) {
      this.active += 1;
      turn();
    } else {
      for (const wake of this.drained.splice(0)) wake();
    }
  }
}
