import { systemClock, type AdjustableClock, type Clock } from '../shared/clock';
import { RECOVERY_METHODS, isMethod, type AppStatus, type Events, type Method, type ParamsOf, type Results } from '../shared/rpc/contract';
import type { RpcEvent, RpcRequest, RpcResponse, Unsubscribe } from '../shared/rpc/envelope';
import { chinaDate } from '../shared/domain/china-time';
import { DatabaseSession } from './db/database-session';
import { claimDataFolder } from './db/claim-data-folder';
import type { LockHolderKind } from '../shared/i18n/data-folder-messages';
import type { Migration } from './db/migrations/index';
import { createStderrLogger, type Logger } from './log';
import { createHostLogger, logFileOf, type LogSource } from './logs/file-logger';
import { createDispatcher, type Handlers } from './rpc/dispatcher';
import { Gate } from './rpc/gate';
import { callThrough } from './rpc/call-through';
import { WRITE_POLICY } from './rpc/write-policy';
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
import { removeStaging } from './imports/staging-store';
import { createAnalyticsHandlers } from './reports/analytics-handlers';
import { createReportHandlers } from './reports/report-handlers';
import { createDeclineHandlers } from './reports/decline-handlers';
import { createHealthHandlers } from './health/health-handlers';
import { createProfitHandlers } from './purchases/profit-handlers';
import { createMoneyHandlers } from './money/money-handlers';
import { APP_VERSION } from './app-version';
import { createSourcingHandlers } from './sourcing/sourcing-handlers';
import { createSourcingListener } from './sourcing/sourcing-listener';
import { createSupplierHandlers } from './suppliers/supplier-handlers';
import { createCampaignHandlers } from './campaigns/campaign-handlers';
import { createPurchaseHandlers } from './purchases/purchase-handlers';
import { createAftersaleHandlers } from './aftersales/aftersale-handlers';
import { createPurchaseListener } from './purchases/purchase-listener';
import { createInfluencerHandlers } from './influencers/influencer-handlers';
import { createInfluencerListener } from './influencers/influencer-listener';
import { createMoneyListener } from './money/money-listener';
import { createOrderHandlers } from './orders/order-handlers';

export type CoreOptions = {
  dataDir: string;
  clock?: Clock;
  log?: Logger;
  /** Which host writes the data folder's log file (logs/shopdesk.log, see logs/); false writes none. Default 'core'. */
  logFile?: LogSource | false;
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
  /** Who opens the folder, written into its lock file (default `cli`: the command line and tests). */
  opener?: LockHolderKind;
  /** Read-only hosts (CLI `report`, `today` …): a missing folder or database is refused, not created. */
  existingOnly?: boolean;
  /** Test hook: the core connection's busy timeout (0 makes any wait for the write lock fail at once). */
  busyTimeoutMs?: number;
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

/** The host's logger, and the data folder's log file beside it (its lines masked, logs/log-redaction.ts). */
function withLogFile(options: CoreOptions): Logger {
  const base = options.log ?? createStderrLogger();
  if (options.logFile === false) return base;
  // Stamped with wall-clock time, never the business clock (the harness's testing clock, the CLI's --at).
  return createHostLogger(options.dataDir, options.logFile ?? 'core', base);
}

/** The composition root: everything the core needs is passed in here and nowhere else. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.testingClock ?? options.clock ?? systemClock;
  const log = withLogFile(options);
  // Before anything reads, cleans, quarantines or migrates the folder (db/README.md, "One owner").
  const lock = claimDataFolder(options.dataDir, { opener: options.opener ?? 'cli', existingOnly: options.existingOnly ?? false, now: clock.now() });
  let session: DatabaseSession;
  try {
    session = await DatabaseSession.open({ dataDir: options.dataDir, clock, log, migrations: options.migrations, busyTimeoutMs: options.busyTimeoutMs });
  } catch (error) {
    lock.release();
    throw error;
  }
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
      logFile: logFileOf(session.paths.dataDir),
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
    runWrite: (task) => session.writes.write(task),
  });
  const checkReminders = async () => {
    // Not while an import writes: the check would read the pre-import orders for seconds, holding
    // the connection every call needs (the pause measured 2.4 s); the import's end checks anyway.
    if (reminderSeconds > 0 && !session.writes.isImportWriting) await reminders.check();
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
    ...createAnalyticsHandlers(ctx),
    ...createDeclineHandlers(ctx),
    ...createHealthHandlers(ctx, () => void checkReminders()),
    ...createProfitHandlers(ctx),
    ...createMoneyHandlers(ctx),
    ...createSourcingHandlers(ctx),
    ...createSupplierHandlers(ctx),
    ...createPurchaseHandlers(ctx),
    ...createOrderHandlers(ctx),
    ...createAftersaleHandlers(ctx),
    ...createCampaignHandlers(ctx),
    ...createInfluencerHandlers(ctx),
  } satisfies Handlers;

  const dispatch = createDispatcher(handlers, log);
  const gate = new Gate();
  // After an import, listed products pick up their first orders (see sourcing-listener.ts).
  listeners.add(createSourcingListener(ctx, (task) => gate.shared(() => session.writes.write(task))));
  // After an import commits, purchases whose lines now show shipped move to 已发货 (purchase-listener.ts).
  listeners.add(createPurchaseListener(ctx, (task) => gate.shared(() => session.writes.write(task))));
  // After an import commits, its 达人IDs become known to the CRM (influencers/influencer-listener.ts).
  listeners.add(createInfluencerListener(ctx, (task) => gate.shared(() => session.writes.write(task))));
  // After an import, undo or restore commits, the money snapshot of the new data is kept on disk (money/money-listener.ts).
  const moneyKeeper = createMoneyListener(ctx, (task) => gate.shared(() => session.writes.write(task)));
  listeners.add(moneyKeeper.listener);
  let closed = false;
  let closing: Promise<void> | null = null;

  const handle = async (request: RpcRequest): Promise<RpcResponse> => {
    if (closed) return { kind: 'response', id: request.id, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'the core has shut down' } };
    const method = request.method;
    if (isMethod(method) && session.current.mode !== 'normal' && !RECOVERY_METHODS.includes(method)) {
      return { kind: 'response', id: request.id, ok: false, error: { code: 'RECOVERY_MODE', message: 'the database is not available; restore a backup first' } };
    }
    if (!isMethod(method)) return dispatch(request);
    // A write waits (without blocking the loop) while an import holds the write lock: db/write-scheduler.ts.
    const run = WRITE_POLICY[method] === 'writes' ? () => session.writes.write(() => dispatch(request)) : () => dispatch(request);
    // A restore replaces the file: writes answered earlier (the routine timer's) are written first.
    return EXCLUSIVE.has(method) ? gate.exclusive(() => session.writes.settled().then(run)) : gate.shared(run);
  };

  log.info('core started', { version: APP_VERSION, mode: session.current.mode, schemaVersion: session.current.schemaVersion });
  dailyBackup();
  // A kept row missing or of an older format (an app update) is written once now, not at the next import.
  moneyKeeper.keepOnOpen();
  const minutes = options.dailyBackupCheckMinutes ?? 0;
  const timer = minutes > 0 ? setInterval(dailyBackup, minutes * 60_000) : null;
  timer?.unref();
  reminders.start(reminderSeconds);
  // New orders can make reminders due at once.
  listeners.add((event) => {
    if (event.event === 'imports.finished' || event.event === 'imports.undone') void checkReminders();
  });

  return {
    handle,
    call: callThrough(handle),
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
        try {
          // Writes answered before (the routine timer's, during an import) reach the file first.
          await gate.exclusive(() => session.writes.settled().then(() => session.close()));
          // Previews nobody confirmed are the user's order data: gone with the window.
          removeStaging(options.dataDir);
          log.info('core stopped');
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}
