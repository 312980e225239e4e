import { systemClock, type AdjustableClock, type Clock } from '../shared/clock';
import { AppError } from '../shared/errors';
import { RECOVERY_METHODS, isMethod, type AppStatus, type Events, type Method, type ParamsOf, type Results } from '../shared/rpc/contract';
import type { RpcEvent, RpcRequest, RpcResponse, Unsubscribe } from '../shared/rpc/envelope';
import { chinaDate } from '../shared/domain/china-time';
import { DatabaseSession } from './db/database-session';
import type { Migration } from './db/migrations/index';
import { createStderrLogger, type Logger } from './log';
import { createDispatcher, type Handlers } from './rpc/dispatcher';
import { Gate } from './rpc/gate';
import { createAppHandlers } from './app/app-handlers';
import { createBackupHandlers } from './backups/backup-handlers';
import type { CoreContext } from './core-context';
import { createSettingsHandlers } from './settings/settings-handlers';
import { createReminderHandlers } from './reminders/reminder-handlers';
import { createReminderScheduler } from './reminders/scheduler';
import { createRoutineHandlers } from './routine/routine-handlers';
import { readSettings } from './settings/settings-repository';
import type { RoutineDatabase } from './db/routine-schema';
import type { Kysely } from 'kysely';
import type { Notifier } from '../shared/notifier';
import { createImportHandlers } from './imports/import-handlers';
import type { ImportServiceOptions } from './imports/import-service';
import { createReportHandlers } from './reports/report-handlers';
import { createMoneyHandlers } from './money/money-handlers';
import { APP_VERSION } from './app-version';
import { createSourcingHandlers } from './sourcing/sourcing-handlers';
import { createSourcingListener } from './sourcing/sourcing-listener';
import { createSupplierHandlers } from './suppliers/supplier-handlers';
import { createOrderHandlers } from './orders/order-handlers';

export type CoreOptions = {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** The harness passes its adjustable clock here to enable `testing.*` methods. */
  testingClock?: AdjustableClock;
  /** Tests inject failing migrations. */
  migrations?: readonly Migration[];
  /** Minutes between checks for today's automatic backup; 0 turns the timer off (CLI, tests). */
  dailyBackupCheckMinutes?: number;
  /** Seconds between reminder checks (default 30); 0 turns the scheduler off: nothing fires (CLI). */
  reminderCheckSeconds?: number;
  /** A host's own reminder channel besides the `reminders.fired` event. */
  notifier?: Notifier;
  /** Import pipeline tuning (threads) and test hooks (a writer PRAGMA to simulate a full disk). */
  imports?: ImportServiceOptions;
};

export type Core = {
  /** Runs one request envelope; never throws. */
  handle(request: RpcRequest): Promise<RpcResponse>;
  /** Typed in-process call that throws AppError (CLI, tests). */
  call<M extends Method>(method: M, params: ParamsOf<M>): Promise<Results[M]>;
  onEvent(listener: (event: RpcEvent) => void): Unsubscribe;
  readonly dataDir: string;
  close(): Promise<void>;
};

const EXCLUSIVE: ReadonlySet<Method> = new Set<Method>(['backups.restore', 'recovery.startFresh']);

/** The composition root: everything the core needs is passed in here and nowhere else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.testingClock ?? options.clock ?? systemClock;
  const log = options.log ?? createStderrLogger();
  const session = await DatabaseSession.open({ dataDir: options.dataDir, clock, log, migrations: options.migrations });
  const listeners = new Set<(event: RpcEvent) => void>();
  const emit = <E extends keyof Events>(event: E, payload: Events[E]) => {
    for (const l of listeners) l({ kind: 'event', event, payload });
  };

  const status = (): AppStatus => {
    const s = session.current;
    return {
      mode: s.mode === 'normal' ? 'normal' : 'recovery',
      appVersion: APP_VERSION,
      schemaVersion: s.schemaVersion,
      dataDir: session.paths.dataDir,
      dbPath: session.paths.dbFile,
      now: clock.now().toISOString(),
      recovery: s.mode === 'recovery' ? s.recovery : null,
    };
  };

  const dailyBackup = () => {
    try {
      const made = session.ensureDailyBackup(chinaDate(clock.now()), chinaDate);
      if (made) emit('backups.created', made);
    } catch (error) {
      log.warn('automatic daily backup failed', { detail: (error as Error).message });
    }
  };

  const reminderSeconds = options.reminderCheckSeconds ?? 30;
  const importActivity = { running: 0 };
  const reminders = createReminderScheduler({
    isPaused: () => importActivity.running > 0,
    db: () => (session.current.mode === 'normal' ? (session.current.db as unknown as Kysely<RoutineDatabase>) : null),
    clock,
    log,
    language: async () => (await readSettings(session.require().db)).language,
    emit,
    notifier: options.notifier,
  });
  const checkReminders = async () => {
    if (reminderSeconds > 0) await reminders.check();
  };
  const ctx: CoreContext = { session, clock, log, emit, status, testingClock: options.testingClock, dailyBackup, timeMoved: checkReminders };
  const handlers = {
    ...createAppHandlers(ctx),
    ...createSettingsHandlers(ctx),
    ...createBackupHandlers(ctx),
    ...createRoutineHandlers(ctx, () => void checkReminders()),
    ...createReminderHandlers(ctx, () => void checkReminders()),
    ...createImportHandlers(ctx, { ...options.imports, activity: importActivity }),
    ...createReportHandlers(ctx),
    ...createMoneyHandlers(ctx),
    ...createSourcingHandlers(ctx),
    ...createSupplierHandlers(ctx),
    ...createOrderHandlers(ctx),
  } satisfies Handlers;

  const dispatch = createDispatcher(handlers, log);
  const gate = new Gate();
  // After an import, listed products pick up their first orders (see sourcing-listener.ts).
  listeners.add(createSourcingListener(ctx, (task) => gate.shared(task)));
  let closed = false;
  let closing: Promise<void> | null = null;

  const handle = async (request: RpcRequest): Promise<RpcResponse> => {
    if (closed) return { kind: 'response', id: request.id, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'the core has shut down' } };
    const method = request.method;
    if (isMethod(method) && session.current.mode !== 'normal' && !RECOVERY_METHODS.includes(method)) {
      return { kind: 'response', id: request.id, ok: false, error: { code: 'RECOVERY_MODE', message: 'the database is not available; restore a backup first' } };
    }
    return isMethod(method) && EXCLUSIVE.has(method) ? gate.exclusive(() => dispatch(request)) : gate.shared(() => dispatch(request));
  };

  dailyBackup();
  const minutes = options.dailyBackupCheckMinutes ?? 0;
  const timer = minutes > 0 ? setInterval(dailyBackup, minutes * 60_000) : null;
  timer?.unref();
  reminders.start(reminderSeconds);
  // New orders can make reminders due at once.
  listeners.add((event) => {
    if (event.event === 'imports.finished' || event.event === 'imports.undone') void checkReminders();
  });

  let nextId = 1;
  return {
    handle,
    async call(method, params) {
      const response = await handle({ kind: 'request', id: nextId++, method, params });
      if (response.ok) return response.value as Results[typeof method];
      throw new AppError(response.error.code, response.error.message, response.error.details);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dataDir: options.dataDir,
    close() {
      // Every caller, even a concurrent second one, waits until the database is really closed.
      closing ??= (async () => {
        closed = true;
        if (timer) clearInterval(timer);
        await reminders.stop();
        await gate.exclusive(() => session.close());
      })();
      return closing;
    },
  };
}
