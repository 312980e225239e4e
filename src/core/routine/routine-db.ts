import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../core-context';
import type { RoutineDatabase } from '../db/routine-schema';

export type RoutineExecutor = Kysely<RoutineDatabase> | Transaction<RoutineDatabase>;

/** The open database (RECOVERY_MODE when there is none), typed with the routine's tables. */
export const routineDb = (ctx: Pick<CoreContext, 'session'>): Kysely<RoutineDatabase> =>
  ctx.session.require().db as unknown as Kysely<RoutineDatabase>;
