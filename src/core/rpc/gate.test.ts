import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Gate } from './gate';

type Deferred = { promise: Promise<void>; resolve(): void; reject(error: Error): void };
const deferred = (): Deferred => {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/** Lets every queued promise continuation run. */
const settle = () => new Promise<void>((r) => setTimeout(r, 0));

describe('Gate', () => {
  it('runs shared calls together', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const a = deferred();
    const b = deferred();
    const pa = gate.shared(async () => (log.push('a start'), await a.promise, log.push('a end')));
    const pb = gate.shared(async () => (log.push('b start'), await b.promise, log.push('b end')));
    await settle();
    expect(log).toEqual(['a start', 'b start']);
    b.resolve();
    a.resolve();
    await Promise.all([pa, pb]);
    expect(log).toEqual(['a start', 'b start', 'b end', 'a end']);
  });

  it('makes an exclusive call wait for the shared calls already running', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const s1 = deferred();
    const s2 = deferred();
    const p1 = gate.shared(async () => (log.push('s1 start'), await s1.promise, log.push('s1 end')));
    const p2 = gate.shared(async () => (log.push('s2 start'), await s2.promise, log.push('s2 end')));
    const pe = gate.exclusive(async () => log.push('exclusive'));
    await settle();
    expect(log).toEqual(['s1 start', 's2 start']);
    s1.resolve();
    await settle();
    expect(log).not.toContain('exclusive');
    s2.resolve();
    await Promise.all([p1, p2, pe]);
    expect(log).toEqual(['s1 start', 's2 start', 's1 end', 's2 end', 'exclusive']);
  });

  it('holds new shared calls back until the exclusive call is done', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const e = deferred();
    const pe = gate.exclusive(async () => (log.push('exclusive start'), await e.promise, log.push('exclusive end')));
    await settle();
    const ps = gate.shared(async () => log.push('shared'));
    await settle();
    expect(log).toEqual(['exclusive start']);
    e.resolve();
    await Promise.all([pe, ps]);
    expect(log).toEqual(['exclusive start', 'exclusive end', 'shared']);
  });

  it('runs exclusive calls one at a time, in arrival order', async () => {
    const gate = new Gate();
    const log: string[] = [];
    const first = deferred();
    const p1 = gate.exclusive(async () => (log.push('1 start'), await first.promise, log.push('1 end')));
    const p2 = gate.exclusive(async () => log.push('2'));
    const p3 = gate.exclusive(async () => log.push('3'));
    await settle();
    expect(log).toEqual(['1 start']);
    first.resolve();
    await Promise.all([p1, p2, p3]);
    expect(log).toEqual(['1 start', '1 end', '2', '3']);
  });

  it('passes failures through and stays usable after a failing shared or exclusive call', async () => {
    const gate = new Gate();
    await expect(gate.shared(async () => Promise.reject(new Error('shared failed')))).rejects.toThrow('shared failed');
    await expect(gate.exclusive(async () => Promise.reject(new Error('exclusive failed')))).rejects.toThrow('exclusive failed');
    await expect(gate.exclusive(async () => 'ok')).resolves.toBe('ok');
    await expect(gate.shared(async () => 'ok')).resolves.toBe('ok');
  });

  it('never runs an exclusive call beside anything else, and finishes every call (any interleaving)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(fc.record({ exclusive: fc.boolean(), steps: fc.nat(3), fails: fc.boolean() }), { minLength: 1, maxLength: 12 }), async (s, calls) => {
        const gate = new Gate();
        let shared = 0;
        let exclusive = 0;
        const violations: string[] = [];
        const check = (where: string) => {
          if (exclusive > 1 || (exclusive === 1 && shared > 0)) violations.push(`${where}: ${exclusive} exclusive, ${shared} shared`);
        };
        const body = (isExclusive: boolean, steps: number, fails: boolean) => async () => {
          if (isExclusive) exclusive += 1;
          else shared += 1;
          check('start');
          for (let i = 0; i < steps; i += 1) {
            await s.schedule(Promise.resolve());
            check('step');
          }
          if (isExclusive) exclusive -= 1;
          else shared -= 1;
          if (fails) throw new Error('planned');
          return 'done';
        };
        const results = calls.map((c, i) =>
          s.schedule(Promise.resolve(), `call ${i}`).then(() => (c.exclusive ? gate.exclusive(body(true, c.steps, c.fails)) : gate.shared(body(false, c.steps, c.fails)))),
        );
        // Release every scheduled step, then see which calls are still waiting: after waitIdle nothing
        // can move them any more, so one left waiting is a deadlock (found without a deadline).
        const waiting = new Set(results.map((_, i) => i));
        results.forEach((r, i) => void r.then(() => waiting.delete(i), () => waiting.delete(i)));
        await s.waitIdle();
        await settle();
        expect([...waiting], 'calls never finished (a deadlock)').toEqual([]);
        const outcomes = await Promise.allSettled(results);
        expect(violations).toEqual([]);
        expect(outcomes.map((o) => o.status)).toEqual(calls.map((c) => (c.fails ? 'rejected' : 'fulfilled')));
      }),
      { numRuns: 200 },
    );
  });
});
