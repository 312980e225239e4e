import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Clock } from '../../src/shared/clock';
import { DatabaseSession, type SessionOptions } from '../../src/core/db/database-session';
import { silentLogger } from '../../src/core/log';

/** A clock the test moves by hand; starts at a fixed instant so names and buckets are predictable. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start = '2026-11-22T04:00:00.000Z') {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): Date {
    this.current = new Date(this.current.getTime() + ms);
    return this.now();
  }
}

export const openSession = (dataDir: string, extra: Partial<SessionOptions> = {}) =>
  DatabaseSession.open({ dataDir, clock: extra.clock ?? new ManualClock(), log: silentLogger, ...extra });

/** Every file under `dir` with its size, as relative paths: shows what was moved, kept or added. */
export function listFiles(dir: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = statSync(path).size;
    }
  };
  walk(dir);
  return out;
}
