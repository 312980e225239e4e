import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { LOCK_HOLDER_KINDS, type LockHolder, type LockHolderKind } from '../../shared/i18n/data-folder-messages';

export const LOCK_FILE_NAME = 'shopdesk.lock';

/** Lock files this process holds (path → token): released on close, and on a normal exit. */
const held = new Map<string, string>();
let exitHookInstalled = false;

const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A kill leaves the file behind; the next opener sees its process is gone (isStale).
  process.on('exit', () => {
    for (const [path, token] of held) removeIfOurs(path, token);
  });
};

type LockFile = LockHolder & { token: string };

const parse = (text: string): LockFile | null => {
  try {
    const value = JSON.parse(text) as Partial<LockFile>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    const kind = LOCK_HOLDER_KINDS.includes(value.kind as LockHolderKind) ? (value.kind as LockHolderKind) : 'cli';
    return { pid: value.pid, host: value.host, kind, startedAt: String(value.startedAt ?? ''), token: value.token };
  } catch {
    return null;
  }
};

const readLock = (path: string): LockFile | null | 'missing' => {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
};

function removeIfOurs(path: string, token: string): void {
  try {
    const current = readLock(path);
    if (current !== 'missing' && current?.token === token) rmSync(path, { force: true });
  } catch {
    // Leaving it is safe: our pid is gone after exit, so the next opener treats it as stale.
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A lock left by a process that is gone. Only decidable on this computer: a lock from another host
 * (a folder on a network share) is always respected. Our own pid counts as stale unless this
 * process really holds it (a container restarted with the same pid).
 */
const isStale = (lock: LockFile | null, path: string): boolean => {
  if (lock === null) return true; // unreadable: never written by a running ShopDesk (it links complete files)
  if (lock.host !== hostname()) return false;
  if (lock.pid === process.pid) return held.get(path) !== lock.token;
  return !isAlive(lock.pid);
};

/** Creates `path` with `content` atomically: link() of a complete temp file fails if `path` exists. */
function createExclusive(path: string, content: string, dir: string): boolean {
  const tmp = join(dir, `.shopdesk.lock.${process.pid}.${randomUUID()}.tmp`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(tmp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    // A file system without hard links (FAT): O_EXCL is atomic too; the content is written right after.
    return createWithExcl(path, content);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function createWithExcl(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

const TEMP_NAME = /^\.shopdesk\.lock\.(?:stale\.)?(\d+)\..*\.tmp$/;

/** Temp files of openers killed halfway (their pid is gone); a live opener's are left alone. */
function removeDeadTempFiles(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid !== undefined && Number(pid) !== process.pid && !isAlive(Number(pid))) rmSync(join(dir, name), { force: true });
  }
}

/** Moves a stale lock out of the way; if it turns out to be live after all, puts it back. */
function clearStale(path: string, dir: string): void {
  const aside = join(dir, `.shopdesk.lock.stale.${process.pid}.${randomUUID()}.tmp`);
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readLock(aside);
  // Another opener replaced the stale file between our read and the rename: give its lock back.
  if (moved !== 'missing' && !isStale(moved, path)) {
    try {
      linkSync(aside, path);
    } catch {
      // A third opener already holds the folder; either way it is not ours.
    }
  }
  rmSync(aside, { force: true });
}

/**
 * One data folder, one owner: the desktop app, the browser harness and the `shopdesk` CLI take this
 * lock before anything reads, migrates, cleans or quarantines the folder. The file holds who owns
 * it (pid, host, kind, start time); a second opener gets DATA_FOLDER_LOCKED naming that owner.
 */
export class DataFolderLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly token: string,
    readonly holder: LockHolder,
  ) {}

  /** Takes the lock of `dataDir` (which must exist). Errors: DATA_FOLDER_LOCKED. */
  static acquire(dataDir: string, kind: LockHolderKind, now: Date): DataFolderLock {
    const path = join(dataDir, LOCK_FILE_NAME);
    const token = randomUUID();
    const holder: LockHolder = { pid: process.pid, host: hostname(), kind, startedAt: now.toISOString() };
    const content = `${JSON.stringify({ ...holder, token })}\n`;
    for (let attempt = 0; attempt < 5; attempt++) {
      if (createExclusive(path, content, dataDir)) {
        held.set(path, token);
        installExitHook();
        removeDeadTempFiles(dataDir);
        return new DataFolderLock(path, token, holder);
      }
      const current = readLock(path);
      if (current === 'missing') continue;
      if (!isStale(current, path)) {
        const owner: LockHolder = { pid: current!.pid, host: current!.host, kind: current!.kind, startedAt: current!.startedAt };
        throw new AppError('DATA_FOLDER_LOCKED', `data folder ${dataDir} is in use by ${owner.kind} (pid ${owner.pid} on ${owner.host})`, { dataDir, holder: owner });
      }
      clearStale(path, dataDir);
    }
    throw new AppError('DATA_FOLDER_LOCKED', `data folder ${dataDir}: its lock keeps changing hands`, { dataDir, holder: null });
  }

  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void {
    if (this.released) return;
    this.released = true;
    held.delete(this.path);
    removeIfOurs(this.path, this.token);
  }
}
