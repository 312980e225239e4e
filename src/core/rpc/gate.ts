/**
 * Lets ordinary calls run together while an exclusive one (restore, which swaps the database
 * file) waits for them to finish and holds new ones back until it is done.
 */
export class Gate {
  private active = 0;
  private exclusiveTail: Promise<void> = Promise.resolve();
  private drained: (() => void) | null = null;

  async shared<T>(fn: () => Promise<T>): Promise<T> {
    await this.exclusiveTail;
    this.active += 1;
    try {
      return await fn();
    } finally {
      this.active -= 1;
      if (this.active === 0) this.drained?.();
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.exclusiveTail;
    let release!: () => void;
    this.exclusiveTail = previous.then(() => new Promise<void>((r) => (release = r)));
    await previous;
    try {
      if (this.active > 0) await new Promise<void>((r) => (this.drained = r));
      this.drained = null;
      return await fn();
    } finally {
      release();
    }
  }
}
