import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { LOCK_FILE_NAME } from '../../src/core/db/data-folder-lock';
import { startWebHarness } from '../../src/core/hosts/web-harness';
import { silentLogger } from '../../src/core/log';
import { SHUTDOWN_MESSAGE } from '../../src/main/core-control';
import { runCoreProcess } from '../../src/main/core-process-runtime';
import { cli } from '../helpers/run-cli';
import { useTempDirs } from '../helpers/temp-dir';
import { killAndWait, REPO_ROOT, spawnTs } from '../helpers/ts-child';

const tempDir = useTempDirs();
const HOLD_CORE = join(REPO_ROOT, 'tests/helpers/children/hold-core.ts');

const lockOf = (dataDir: string) => JSON.parse(readFileSync(join(dataDir, LOCK_FILE_NAME), 'utf8')) as { pid: number; host: string; kind: string };

describe('one data folder, one owner (issue 9)', () => {
  it('a second core on the folder is refused, naming the first, and touches nothing there', async () => {
    const dataDir = tempDir();
    const first = await createCore({ dataDir, log: silentLogger, opener: 'desktop', reminderCheckSeconds: 0 });
    expect(lockOf(dataDir)).toMatchObject({ pid: process.pid, host: hostname(), kind: 'desktop' });
    // What a second opener's start-up would clean or set aside if it ran under the first.
    writeFileSync(join(dataDir, '.restore-4242.tmp'), 'a restore in progress');
    writeFileSync(join(dataDir, 'backups', '.shopdesk-in-progress.tmp'), 'a backup in progress');
    const before = readdirSync(dataDir).sort();

    await expect(createCore({ dataDir, log: silentLogger })).rejects.toMatchObject({
      code: 'DATA_FOLDER_LOCKED',
      details: { holder: { pid: process.pid, kind: 'desktop', host: hostname() } },
    });
    expect(readdirSync(dataDir).sort()).toEqual(before);
    expect(existsSync(join(dataDir, 'backups', '.shopdesk-in-progress.tmp'))).toBe(true);
    await expect(first.call('app.status', {})).resolves.toMatchObject({ mode: 'normal' });

    await first.close();
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
    const next = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    expect(existsSync(join(dataDir, '.restore-4242.tmp'))).toBe(false);
    await next.close();
  });

  it('the CLI gets exit code 2 and one bilingual line while the browser harness runs', async () => {
    const base = tempDir();
    const dataDir = join(base, 'data');
    const rendererDir = join(base, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ShopDesk</title>');
    const harness = await startWebHarness({ dataDir, rendererDir, log: silentLogger });
    try {
      for (const args of [['today'], ['backup', 'create'], ['import', join(base, 'none.csv')]]) {
        const result = await cli(dataDir, ...args);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stdout).toBe('');
        const lines = result.stderr.trimEnd().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain('浏览器测试环境');
        expect(lines[0]).toContain('the browser harness');
        expect(lines[0]).toContain(`进程 ${process.pid}`);
      }
      const json = await cli(dataDir, '--json', '--lang', 'en', 'today');
      expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'DATA_FOLDER_LOCKED', details: { holder: { kind: 'harness', pid: process.pid } } } });
    } finally {
      await harness.close();
    }
    expect((await cli(dataDir, 'backup', 'list')).code).toBe(0);
  });

  it('a lock left by a killed process is taken over; one from another computer is respected', async () => {
    const dataDir = tempDir();
    const child = spawnTs(HOLD_CORE, [dataDir, 'wait']);
    await child.waitForLine(/^OPEN$/);
    const childPid = child.process.pid!;
    expect(lockOf(dataDir).pid).toBe(childPid);
    await expect(createCore({ dataDir, log: silentLogger })).rejects.toMatchObject({ code: 'DATA_FOLDER_LOCKED', details: { holder: { pid: childPid } } });
    await killAndWait(child);
    expect(lockOf(dataDir).pid).toBe(childPid); // SIGKILL left the file behind

    const core = await createCore({ dataDir, log: silentLogger, reminderCheckSeconds: 0 });
    expect(lockOf(dataDir).pid).toBe(process.pid);
    await core.close();

    writeFileSync(join(dataDir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, host: 'the-shop-laptop', kind: 'desktop', startedAt: '2026-12-01T08:00:00.000Z', token: 't' }));
    const refused = await cli(dataDir, 'today');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('电脑 the-shop-laptop');
    expect(refused.stderr).toContain('the ShopDesk desktop app (process 1 on the-shop-laptop, since 2026-12-01 08:00:00 UTC)');
  });

  it('a process that ends without closing the core still releases the folder', async () => {
    const dataDir = tempDir();
    const child = spawnTs(HOLD_CORE, [dataDir, 'exit']);
    await child.waitForLine(/^OPEN$/);
    expect(await child.exited).toMatchObject({ code: 0 });
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });

  it('the desktop core answers DATA_FOLDER_LOCKED while another program holds the folder, and opens once it is free', async () => {
    const dataDir = tempDir();
    const other = await createCore({ dataDir, log: silentLogger, opener: 'cli', reminderCheckSeconds: 0 });
    let onMessage: (event: { data: unknown }) => void = () => {};
    const answered: ((value: unknown) => void)[] = [];
    let exited!: (code: number) => void;
    const exit = new Promise<number>((resolve) => (exited = resolve));
    const parentPort = {
      on: (_: 'message', listener: (event: { data: unknown }) => void) => (onMessage = listener),
      postMessage: (message: unknown) => {
        answered.shift()?.(message);
      },
    };
    const started = runCoreProcess({
      parentPort,
      dataDir,
      log: silentLogger,
      exit: (code) => exited(code),
      createCore: (options) => createCore({ ...options, reminderCheckSeconds: 0, dailyBackupCheckMinutes: 0 }),
    });
    const ask = (id: number) =>
      new Promise((resolve) => {
        answered.push(resolve);
        onMessage({ data: { kind: 'request', id, method: 'app.status', params: {} } });
      });

    await started;
    expect(await ask(1)).toMatchObject({ id: 1, ok: false, error: { code: 'DATA_FOLDER_LOCKED', details: { holder: { kind: 'cli', pid: process.pid } } } });

    await other.close();
    expect(await ask(2)).toMatchObject({ id: 2, ok: true, value: { mode: 'normal' } });
    expect(lockOf(dataDir).kind).toBe('desktop');
    onMessage({ data: SHUTDOWN_MESSAGE });
    expect(await exit).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});

describe('read-only commands never create a database (issue 10)', () => {
  const READ_ONLY = [['today'], ['reminders'], ['report', 'orders'], ['products', 'list'], ['suppliers', 'list'], ['money', 'forecast'], ['backup', 'list'], ['db', 'check']];

  it.each(READ_ONLY)('%s on an empty folder says there is no database and leaves the folder empty', async (...args) => {
    const dataDir = tempDir();
    const result = await cli(dataDir, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `错误：${dataDir} 里没有小店工作台的数据库。这个命令只读取数据，不会新建数据库；请检查 --data-dir，或先用 shopdesk import 导入订单。 / Error: There is no ShopDesk database in ${dataDir}. This command only reads and does not create one; check --data-dir, or import orders first with shopdesk import.`,
    ]);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('a mistyped --data-dir is refused with one bilingual line naming the option, and not created', async () => {
    const missing = join(tempDir(), 'shop-typo');
    for (const args of [['today'], ['backup', 'create']]) {
      const result = await cli(missing, ...args);
      expect(result.code).toBe(2);
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(`--data-dir 指定的数据文件夹不存在：${missing}`);
      expect(lines[0]).toContain(`The data folder given with --data-dir does not exist: ${missing}`);
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('names SHOPDESK_DATA_DIR when the folder came from it', async () => {
    const { runCli } = await import('../../src/cli/main');
    const missing = join(tempDir(), 'from-env');
    let stderr = '';
    const code = await runCli(['today'], { stdout: () => {}, stderr: (t) => void (stderr += t), env: { SHOPDESK_DATA_DIR: missing } });
    expect(code).toBe(2);
    expect(stderr).toContain('SHOPDESK_DATA_DIR 指定的数据文件夹不存在');
    expect(stderr).toContain('given in SHOPDESK_DATA_DIR does not exist');
  });

  it('import --dry-run on an empty folder creates nothing either', async () => {
    const dataDir = tempDir();
    const result = await cli(dataDir, 'import', '--dry-run', join(REPO_ROOT, 'package.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('没有小店工作台的数据库');
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
