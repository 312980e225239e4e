import { Kysely } from 'kysely';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../../shared/clock';
import { AppError } from '../../shared/errors';
import type { BackupInfo, BackupKind, RecoveryInfo, RestoreResult, SetAsideNewer } from '../../shared/rpc/contract';
import { createBackup, listBackups, removeStaleTempFiles, rotateBackups, verifyBackupFile } from '../backups/backup-store';
import type { Logger } from '../log';
import { dataPaths, sidecars, type DataPaths } from './data-paths';
import { migrateToLatest } from './migrate';
import { latestSchemaVersion, migrations as defaultMigrations, type Migration } from './migrations/index';
import { createEmptyDatabase, fsyncDirectory, fsyncFile, inspectDatabaseFile, openDatabase, type SqliteDb } from './open-database';
import { setAsideNewerDatabase } from './newer-database';
import { quarantineDatabase, returnFromQuarantine } from './quarantine';
import { mapSqliteError } from './sqlite-errors';
import { YieldingSqliteDialect } from './yielding-dialect';
import { WriteScheduler } from './write-scheduler';
import type { Database } from './schema';

export type OpenState =
  | { mode: 'normal'; sqlite: SqliteDb; db: Kysely<Database>; schemaVersion: number }
  | { mode: 'recovery'; recovery: RecoveryInfo; schemaVersion: number }
  | { mode: 'closed'; schemaVersion: number };

/** Where a recovery-mode file went when it was moved out of the way. */
type SetAside = { quarantinedTo: string | null; setAsideNewer: SetAsideNewer | null };

export type SessionOptions = { dataDir: string; clock: Clock; log: Logger; migrations?: readonly Migration[]; busyTimeoutMs?: number | undefined };

/**
 * Owns the one SQLite file: opening (check, migrate, or fall into recovery), backups, restore and
 * closing. Everything that replaces the file goes through here so no connection is left pointing
 * at a moved or half-written file.
 */
export class DatabaseSession {
  readonly paths: DataPaths;
  /** Core-thread writes wait here (asynchronously) while an import's writer holds the write lock. */
  readonly writes = new WriteScheduler();
  private state: OpenState;
  private readonly migrations: readonly Migration[];

  private constructor(private readonly options: SessionOptions) {
    this.paths = dataPaths(options.dataDir);
    this.migrations = options.migrations ?? defaultMigrations;
    this.state = { mode: 'closed', schemaVersion: 0 };
  }

  static async open(options: SessionOptions): Promise<DatabaseSession> {
    const session = new DatabaseSession(options);
    try {
      mkdirSync(session.paths.backupsDir, { recursive: true });
      accessSync(session.paths.dataDir, constants.W_OK);
    } catch (error) {
      throw new AppError('DATA_DIR_UNUSABLE', `data folder ${session.paths.dataDir} cannot be used: ${(error as Error).message}`, {
        dataDir: session.paths.dataDir,
      });
    }
    // Left by a kill during a backup or a restore; the caller holds the folder's lock, so none is in use.
    removeStaleTempFiles(session.paths.backupsDir, /^\.shopdesk-.*\.tmp$/);
    removeStaleTempFiles(session.paths.dataDir, /^\.(restore-\d+|restore-again-\d+|newer-\d+|shopdesk\.sqlite\.creating)\.tmp(-wal|-shm)?$/);
    await session.openFile();
    return session;
  }

  get current(): OpenState {
    return this.state;
  }

  get latestVersion(): number {
    return latestSchemaVersion(this.migrations);
  }

  /** The open database, or RECOVERY_MODE when the file is unusable. */
  require(): Extract<OpenState, { mode: 'normal' }> {
    if (this.state.mode === 'closed') throw new AppError('INTERNAL', 'the database is closed');
    if (this.state.mode === 'recovery') {
      throw new AppError('RECOVERY_MODE', 'the database is not available; restore a backup first', { reason: this.state.recovery.reason });
    }
    return this.state;
  }

  private now(): Date {
    return this.options.clock.now();
  }

  private async openFile(): Promise<void> {
    const { dbFile, quarantineDir } = this.paths;
    const inspection = inspectDatabaseFile(dbFile, this.latestVersion);
    if (inspection.kind === 'corrupt') {
      const quarantinedTo = quarantineDatabase(dbFile, quarantineDir, this.now(), 'corrupt');
      this.options.log.error('database failed its check and was moved to quarantine', { quarantinedTo, detail: inspection.detail });
      this.state = { mode: 'recovery', recovery: { reason: 'DB_CORRUPT', quarantinedTo, detail: inspection.detail }, schemaVersion: 0 };
      return;
    }
    if (inspection.kind === 'newer') {
      // Left untouched (not even opened): the newer app that wrote it can still use it.
      this.state = {
        mode: 'recovery',
        recovery: { reason: 'DB_NEWER_THAN_APP', quarantinedTo: null, detail: `schema ${inspection.userVersion} > ${this.latestVersion}` },
        schemaVersion: inspection.userVersion,
      };
      return;
    }
    if (inspection.kind === 'missing') {
      // A -wal/-shm without its database would be replayed into the new file (a mis-paired
      // journal, sqlite.org/howtocorrupt.html §2): set them aside before creating it.
      const orphans = quarantineDatabase(dbFile, quarantineDir, this.now(), 'orphan-sidecars');
      if (orphans) this.options.log.warn('sidecar files without a database were moved to quarantine', { orphans });
      createEmptyDatabase(dbFile);
    }
    const from = inspection.kind === 'ok' ? inspection.userVersion : 0;
    let sqlite: SqliteDb;
    try {
      sqlite = openDatabase(dbFile, { busyTimeoutMs: this.options.busyTimeoutMs });
    } catch (error) {
      throw mapSqliteError(error);
    }
    const db = new Kysely<Database>({ dialect: new YieldingSqliteDialect({ database: sqlite }) });
    try {
      if (from > 0 && from < this.latestVersion) {
        // Taken on every attempt; rotating keeps repeated failed starts from filling the disk.
        createBackup(sqlite, this.paths.backupsDir, 'pre-migration', this.now(), from);
        rotateBackups(this.paths.backupsDir, this.latestVersion);
      }
      const outcome = await migrateToLatest(db as unknown as Kysely<unknown>, this.migrations);
      if (outcome.applied.length > 0) this.options.log.info('database migrated', { ...outcome });
      this.state = { mode: 'normal', sqlite, db, schemaVersion: outcome.to };
    } catch (error) {
      await db.destroy();
      const detail = (error as Error).message;
      this.options.log.error('database migration failed', { detail });
      this.state = { mode: 'recovery', recovery: { reason: 'DB_MIGRATION_FAILED', quarantinedTo: null, detail }, schemaVersion: from };
    }
  }

  backup(kind: BackupKind): BackupInfo {
    const { sqlite, schemaVersion } = this.require();
    const info = createBackup(sqlite, this.paths.backupsDir, kind, this.now(), schemaVersion);
    rotateBackups(this.paths.backupsDir, this.latestVersion);
    return info;
  }

  /** The same backup made by `make` on a connection of its own (the pre-import one, in a thread: imports/backup-thread.ts), then rotated. */
  async backupWith(kind: BackupKind, make: (request: { dbPath: string; dir: string; kind: BackupKind; createdAt: Date; schemaVersion: number }) => Promise<BackupInfo>): Promise<BackupInfo> {
    const { schemaVersion } = this.require();
    const info = await make({ dbPath: this.paths.dbFile, dir: this.paths.backupsDir, kind, createdAt: this.now(), schemaVersion });
    rotateBackups(this.paths.backupsDir, this.latestVersion);
    return info;
  }

  /** Backups to offer; in recovery mode only those that pass verification. */
  listBackups(): BackupInfo[] {
    const all = listBackups(this.paths.backupsDir);
    if (this.state.mode === 'normal') return all;
    return all.filter((b) => verifyBackupFile(join(this.paths.backupsDir, b.id)).ok && b.schemaVersion <= this.latestVersion);
  }

  /**
   * Replaces the database with a verified backup. Nothing changes unless the backup is found and
   * verified (BACKUP_NOT_FOUND / BACKUP_INVALID). In normal mode a `pre-restore` backup of the
   * current state is taken first; that verified copy is what keeps the replaced data. In recovery
   * mode the unusable file is moved to quarantine instead, and a newer app's file only when the
   * user said so (`setAsideNewer`, see newer-database.ts). If anything fails once the database was
   * closed or moved, the previous one is put back and reopened, and RESTORE_FAILED says so.
   */
  async restore(id: string, options: { setAsideNewer?: boolean } = {}): Promise<RestoreResult> {
    if (this.state.mode === 'closed') throw new AppError('INTERNAL', 'the database is closed');
    const source = join(this.paths.backupsDir, id);
    const restored = listBackups(this.paths.backupsDir).find((b) => b.id === id);
    if (!restored || !existsSync(source)) throw new AppError('BACKUP_NOT_FOUND', `no backup ${id}`, { id });
    const check = verifyBackupFile(source);
    if (!check.ok) throw new AppError('BACKUP_INVALID', `backup ${id} failed verification: ${check.detail}`, { id });
    if (restored.schemaVersion > this.latestVersion) {
      throw new AppError('DB_NEWER_THAN_APP', `backup ${id} comes from a newer app`, { id });
    }
    this.refuseUnconfirmedNewer(options.setAsideNewer);

    // Stage the verified copy next to the database first, so a failed copy changes nothing.
    const staged = join(this.paths.dataDir, `.restore-${process.pid}.tmp`);
    let safetyBackup: BackupInfo | null = null;
    try {
      rmSync(staged, { force: true });
      copyFileSync(source, staged);
      const stagedCheck = verifyBackupFile(staged);
      if (!stagedCheck.ok) throw new AppError('BACKUP_INVALID', `copy of ${id} failed verification: ${stagedCheck.detail}`, { id });
      fsyncFile(staged);
      if (this.state.mode === 'normal') safetyBackup = this.backup('pre-restore');
    } catch (error) {
      rmSync(staged, { force: true });
      throw mapSqliteError(error);
    }

    const wasNormal = this.state.mode === 'normal';
    let aside: SetAside | null = null;
    let installed = false;
    try {
      if (wasNormal) {
        // close() checkpoints the WAL into the file; the sidecars are then removed so no stale
        // -wal can be replayed into the restored file (no resurrected rows).
        await this.close();
        for (const f of sidecars(this.paths.dbFile)) rmSync(f, { force: true });
      } else {
        aside = this.setAside('replaced');
      }
      // rename() replaces the old file atomically: there is no moment without a database file.
      renameSync(staged, this.paths.dbFile);
      installed = true;
      fsyncDirectory(this.paths.dataDir);
      await this.openFile();
      if (this.state.mode === 'recovery') throw new Error(`the restored database opened in recovery mode (${this.state.recovery.reason}: ${this.state.recovery.detail})`);
    } catch (error) {
      if (!wasNormal && aside === null) {
        // Nothing was moved yet (setting the file aside failed): recovery mode as before.
        rmSync(staged, { force: true });
        throw mapSqliteError(error);
      }
      const cause = (error as Error).message;
      this.options.log.error('restore failed; putting the previous database back', { detail: cause, installed });
      try {
        await this.putBack({ installed, staged, safetyBackup, aside });
      } catch (putBackError) {
        // Nothing is deleted on this path: the previous data is still in the pre-restore backup or in quarantine.
        this.options.log.error('putting the previous database back failed', { detail: (putBackError as Error).message });
        throw new AppError('INTERNAL', `restoring ${id} failed (${cause}) and the previous database could not be reopened`, { id, cause });
      }
      throw new AppError('RESTORE_FAILED', `restoring ${id} failed (${cause}); the previous database was reopened`, { id, cause });
    }
    return { restored, safetyBackup, quarantinedTo: aside?.quarantinedTo ?? null, setAsideNewer: aside?.setAsideNewer ?? null };
  }

  /** Recovery mode only: set the unusable file aside and begin with an empty database. */
  async startFresh(options: { setAsideNewer?: boolean } = {}): Promise<{ setAsideNewer: SetAsideNewer | null }> {
    if (this.state.mode !== 'recovery') throw new AppError('FORBIDDEN', 'the database is fine; nothing to start fresh from');
    this.refuseUnconfirmedNewer(options.setAsideNewer);
    const aside = this.setAside('set-aside');
    await this.openFile();
    return { setAsideNewer: aside.setAsideNewer };
  }

  /** A newer app's database is never replaced unless the user was told where it goes and agreed. */
  private refuseUnconfirmedNewer(confirmed: boolean | undefined): void {
    if (this.state.mode === 'recovery' && this.state.recovery.reason === 'DB_NEWER_THAN_APP' && confirmed !== true) {
      throw new AppError('DB_NEWER_THAN_APP', 'the database comes from a newer ShopDesk; replacing it needs setAsideNewer', {
        needsConfirmation: true,
        schemaVersion: this.state.schemaVersion,
      });
    }
  }

  /** Recovery mode: moves the unusable file out of the way (a newer app's one kept where the newer app finds it). */
  private setAside(why: 'replaced' | 'set-aside'): SetAside {
    if (this.state.mode === 'recovery' && this.state.recovery.reason === 'DB_NEWER_THAN_APP') {
      const setAsideNewer = setAsideNewerDatabase(this.paths, this.state.schemaVersion, this.now());
      this.options.log.warn("a newer app's database was set aside", { quarantinedTo: setAsideNewer.quarantinedTo, backup: setAsideNewer.backup.id });
      return { quarantinedTo: setAsideNewer.quarantinedTo, setAsideNewer };
    }
    return { quarantinedTo: quarantineDatabase(this.paths.dbFile, this.paths.quarantineDir, this.now(), why), setAsideNewer: null };
  }

  /**
   * After a failed restore the database that was there before is back in its place and open again:
   * not yet replaced → still there; set aside from recovery mode → moved back from quarantine;
   * replaced in normal mode → the verified `pre-restore` backup taken a moment ago is installed.
   */
  private async putBack(step: { installed: boolean; staged: string; safetyBackup: BackupInfo | null; aside: SetAside | null }): Promise<void> {
    if (this.state.mode === 'normal') await this.close();
    rmSync(step.staged, { force: true });
    if (step.installed) for (const f of [this.paths.dbFile, ...sidecars(this.paths.dbFile)]) rmSync(f, { force: true });
    if (step.aside?.quarantinedTo) {
      returnFromQuarantine(step.aside.quarantinedTo, this.paths.dbFile);
    } else if (step.installed && step.safetyBackup) {
      const again = join(this.paths.dataDir, `.restore-again-${process.pid}.tmp`);
      copyFileSync(join(this.paths.backupsDir, step.safetyBackup.id), again);
      fsyncFile(again);
      renameSync(again, this.paths.dbFile);
    }
    fsyncDirectory(this.paths.dataDir);
    await this.openFile();
  }

  /** Makes today's automatic backup if there is none yet (China day), then rotates. */
  ensureDailyBackup(today: string, chinaDateOf: (d: Date) => string): BackupInfo | null {
    if (this.state.mode !== 'normal') return null;
    const hasToday = listBackups(this.paths.backupsDir).some((b) => b.kind === 'daily' && chinaDateOf(new Date(b.createdAt)) === today);
    return hasToday ? null : this.backup('daily');
  }

  /** Checkpoints and closes; safe to call twice. */
  async close(): Promise<void> {
    if (this.state.mode !== 'normal') return;
    const { sqlite, db, schemaVersion } = this.state;
    this.state = { mode: 'closed', schemaVersion };
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } catch (error) {
      this.options.log.warn('checkpoint on close failed', { detail: (error as Error).message });
    }
    await db.destroy();
  }
}
