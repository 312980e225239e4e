import type { AdjustableClock, Clock } from '../shared/clock';
import type { AppStatus, Events } from '../shared/rpc/contract';
import type { DatabaseSession } from './db/database-session';
import type { Logger } from './log';

/** What every domain's handlers receive from the composition root. */
export type CoreContext = {
  session: DatabaseSession;
  clock: Clock;
  log: Logger;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
  status(): AppStatus;
  /** Present only in the browser harness. */
  testingClock: AdjustableClock | undefined;
  /** Makes today's automatic backup if it is missing. */
  dailyBackup(): void;
  /** The harness moved the clock: fire what became due (resolves when the reminders were checked). */
  timeMoved(): Promise<void>;
};
