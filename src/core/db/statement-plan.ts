import { CompiledQuery, type Kysely } from 'kysely';
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from './open-database';

/*
 * A kept summary's rebuild written once as a plan of statements — a generator that yields each
 * statement and is answered with its rows — so the import writer (better-sqlite3, synchronous,
 * inside its transaction) and the undo and the migrations (kysely, asynchronous) run the very same
 * logic. Used by the shipping queue (orders/ship-queue.ts) and the repeat-buyer chains
 * (reports/repeat-chains.ts).
 */
export type PlanStep = { text: string; params: unknown[] };
export type StatementPlan = Generator<PlanStep, void, unknown[]>;

/** Runs a plan on a better-sqlite3 connection: a reading statement answers its rows, a writing one none. */
/**
 * Prepares each SQL text once for as long as the returned function is kept. A statement's native
 * memory goes only when V8 collects its object, and V8 does not feel it: a first import's 2,000
 * chunked inserts, prepared one by one, held ~150 MB that way.
 */
export function preparedOnce(db: SqliteDb): (text: string) => Statement {
  const prepared = new Map<string, Statement>();
  return (text) => {
    let statement = prepared.get(text);
    if (statement === undefined) prepared.set(text, (statement = db.prepare(text)));
    return statement;
  };
}

export function runPlan(db: SqliteDb, plan: StatementPlan): void {
  const prepare = preparedOnce(db);
  let step = plan.next();
  while (!step.done) {
    const statement = prepare(step.value.text);
    step = plan.next(statement.reader ? statement.all(...step.value.params) : (statement.run(...step.value.params), []));
  }
}

/** Runs a plan on a kysely connection (or transaction). */
export async function runPlanAsync<D>(db: Kysely<D>, plan: StatementPlan): Promise<void> {
  let step = plan.next();
  while (!step.done) {
    const { rows } = await db.executeQuery(CompiledQuery.raw(step.value.text, step.value.params));
    step = plan.next(rows as unknown[]);
  }
}

/** A list in slices of `size` (multi-row inserts within SQLite's parameter limit). */
export const chunks = <T>(list: readonly T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
