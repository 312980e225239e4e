import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../src/shared/i18n/error-messages';
import type { BackupInfo, DbCheck, RestoreResult } from '../../src/shared/rpc/contract';
import { openSession } from '../helpers/data-folder';
import { sha256File } from '../helpers/sqlite-files';
import { useTempDirs } from '../helpers/temp-dir';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';

/*
 * Runs the real `shopdesk` command (bin/shopdesk.js through the pinned Node, as `npx shopdesk`
 * does) against a temporary data folder and checks what a script would see: stdout, stderr and
 * the exit code.
 */

const tempDir = useTempDirs();

type Run = { code: number; stdout: string; stderr: string };

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const shopdesk = (args: string[], env: NodeJS.ProcessEnv = {}) => run(PINNED_NODE, [join(REPO_ROOT, 'bin', 'shopdesk.js'), ...args], env);

describe('shopdesk CLI', () => {
  it('prints bilingual help, Chinese first, without touching the data folder', async () => {
    const dataDir = join(tempDir(), 'never-created');
    const result = await shopdesk(['--help', '--data-dir', dataDir]);
    expect(result.code).toBe(0);
    expect(result.stdout.indexOf('用法')).toBeGreaterThanOrEqual(0);
    expect(result.stdout.indexOf('用法')).toBeLessThan(result.stdout.indexOf('Usage'));
    for (const command of ['db check', 'backup create', 'backup list', 'backup restore <ID>', '--data-dir', '--lang', '--json']) {
      expect(result.stdout).toContain(command);
    }
    expect(existsSync(dataDir)).toBe(false);
  });

  it('works as `npx shopdesk` right after npm install', async () => {
    const result = await run('npx', ['shopdesk', 'backup', 'restore', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('shopdesk backup restore <ID>');
  });

  /** A folder with a database in it: read-only commands such as `db check` never create one. */
  const folderWithDatabase = async () => {
    const dataDir = tempDir();
    await (await openSession(dataDir)).close();
    return dataDir;
  };

  it('checks the database: human text in Chinese by default, JSON with --json', async () => {
    const dataDir = await folderWithDatabase();
    const human = await shopdesk(['db', 'check', '--data-dir', dataDir]);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain('数据库检查：正常');
    expect(human.stdout).toContain('结构版本：');

    const json = await shopdesk(['--json', 'db', 'check', '--full', '--data-dir', dataDir, '--lang', 'en']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const check = JSON.parse(json.stdout) as DbCheck;
    expect(check).toMatchObject({ integrity: 'ok', problems: [], foreignKeyProblems: 0 });
    expect(check.schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('creates, lists and restores backups, and leaves the database closed cleanly', async () => {
    const dataDir = tempDir();
    const created = await shopdesk(['backup', 'create', '--json', '--data-dir', dataDir]);
    expect(created.code).toBe(0);
    const made = JSON.parse(created.stdout) as BackupInfo;
    expect(made.kind).toBe('manual');
    const wal = join(dataDir, 'shopdesk.sqlite-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);

    const listed = await shopdesk(['backup', 'list', '--json', '--data-dir', dataDir]);
    expect((JSON.parse(listed.stdout) as BackupInfo[]).map((b) => b.id)).toContain(made.id);
    const listedText = await shopdesk(['backup', 'list', '--data-dir', dataDir, '--lang', 'en']);
    expect(listedText.stdout).toContain(`${made.id}  manual  `);

    const restored = await shopdesk(['backup', 'restore', made.id, '--json', '--data-dir', dataDir]);
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    const result = JSON.parse(restored.stdout) as RestoreResult;
    expect(result.restored.id).toBe(made.id);
    expect(result.safetyBackup?.kind).toBe('pre-restore');
  });

  it('uses SHOPDESK_DATA_DIR when there is no --data-dir', async () => {
    const dataDir = tempDir();
    const result = await shopdesk(['backup', 'create', '--json'], { SHOPDESK_DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    expect(existsSync(join(dataDir, 'shopdesk.sqlite'))).toBe(true);
  });

  it('refuses a missing backup with exit 2 and a message in the chosen language', async () => {
    const dataDir = tempDir();
    const id = 'shopdesk-20200101T000000000Z-manual-v1.sqlite';
    const zh = await shopdesk(['backup', 'restore', id, '--data-dir', dataDir]);
    expect(zh.code).toBe(2);
    expect(zh.stdout).toBe('');
    expect(zh.stderr).toContain(ERROR_MESSAGES.BACKUP_NOT_FOUND['zh-CN']);
    expect(zh.stderr).toContain(id);

    const en = await shopdesk(['backup', 'restore', id, '--data-dir', dataDir, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(ERROR_MESSAGES.BACKUP_NOT_FOUND['en-US']);
    expect(en.stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses an invalid backup id with VALIDATION (exit 2), as JSON on stderr with --json', async () => {
    const result = await shopdesk(['backup', 'restore', '../../etc/passwd', '--json', '--lang', 'en', '--data-dir', tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const { error } = JSON.parse(result.stderr) as { error: { code: string; message: string; details: { issues: { path: string }[] } } };
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(ERROR_MESSAGES.VALIDATION['en-US']);
    expect(error.details.issues.map((i) => i.path)).toEqual(['id']);
  });

  it.each([
    [['frob'], 'zh', '未知命令：frob'],
    [['db', 'check', '--bogus', '--lang', 'en'], 'en', 'Unknown option: --bogus'],
    [['backup', 'restore', '--lang', 'en'], 'en', 'Missing argument ID.'],
    [['db', 'check', '--lang', 'fr'], 'zh', '--lang 只能是 zh 或 en'],
  ])('refuses the command line %j with exit 2', async (args, _lang, message) => {
    const result = await shopdesk(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('refuses a database written by a newer app (exit 2) and leaves the file untouched', async () => {
    const dataDir = await folderWithDatabase();
    const dbFile = join(dataDir, 'shopdesk.sqlite');
    const db = new Database(dbFile);
    db.pragma('user_version = 999');
    db.close();
    const before = sha256File(dbFile);

    const result = await shopdesk(['db', 'check', '--data-dir', dataDir, '--lang', 'en']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(ERROR_MESSAGES.RECOVERY_MODE['en-US']);
    expect(result.stderr).toContain(ERROR_MESSAGES.DB_NEWER_THAN_APP['en-US']);
    expect(sha256File(dbFile)).toBe(before);

    const json = await shopdesk(['db', 'check', '--json', '--data-dir', dataDir]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'RECOVERY_MODE', details: { reason: 'DB_NEWER_THAN_APP' } } });
    expect(sha256File(dbFile)).toBe(before);
  });
});
