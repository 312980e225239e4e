/** The only source of "now" in the core: injected, so tests and the harness can move time. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that can be pinned to an instant or shifted; `set(null)` returns to the base clock. */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.offsetMs);
  }

  set(at: Date | null): void {
    this.offsetMs = at === null ? 0 : at.getTime() - this.base.now().getTime();
  }
}
