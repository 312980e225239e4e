import type { ReminderKind, ReminderParams } from '../../shared/rpc/domains/reminders';

/*
 * The one type every reminder planner produces, a floor below the engine (rules.ts): the money and
 * supplier planners import it from here, the engine imports the planners, and no import runs back up.
 */

/** A reminder the rules know of, due or not yet. Past `expiresAt` it is no longer worth firing. */
export type PlannedReminder = {
  key: string;
  kind: ReminderKind;
  dueAt: Date;
  expiresAt: Date | null;
  subject: string;
  params: ReminderParams;
};
