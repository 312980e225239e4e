import { EventEmitter } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir';
import { silentLogger } from '../core/log';
import { coreFailedDetail, openLogFolder, openMainLog } from './main-log';
import { MAIN_STRINGS } from './main-strings';

const temp = useTempDirs();

describe("main's log sink", () => {
  it('writes main’s lines into the data folder’s logs/shopdesk.log, starting with one saying main started', () => {
    const dataDir = temp();
    const log = openMainLog(dataDir, new EventEmitter(), silentLogger);
    log.warn('refused an IPC message', { channel: 'shopdesk:rpc', reason: 'forbidden sender' });
    const lines = readFileSync(join(dataDir, 'logs', 'shopdesk.log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`info {2}main#${process.pid} main started `));
    expect(lines[1]).toMatch(/warn {2}main#\d+ refused an IPC message \{"channel":"shopdesk:rpc","reason":"forbidden sender"\}$/);
  });

  it('logs an uncaught exception of main as it dies, masked', () => {
    const dataDir = temp();
    const proc = new EventEmitter();
    openMainLog(dataDir, proc, silentLogger);
    proc.emit('uncaughtExceptionMonitor', new Error('tray for 13912345678 failed'), 'uncaughtException');
    proc.emit('uncaughtExceptionMonitor', new Error('no window'), 'unhandledRejection');
    const text = readFileSync(join(dataDir, 'logs', 'shopdesk.log'), 'utf8');
    expect(text).toMatch(/error main#\d+ uncaught exception \{"stack":"Error: tray for \[n×11\] failed\\n/);
    expect(text).toMatch(/error main#\d+ uncaught rejection \{"stack":"Error: no window/);
    expect(text).not.toContain('13912345678');
  });

  it('"打开日志文件夹" opens logs/ through the shell, making it if it is not there yet', async () => {
    const dataDir = temp();
    const shell = { openPath: vi.fn(async () => '') };
    await openLogFolder(shell, dataDir);
    expect(shell.openPath).toHaveBeenCalledExactlyOnceWith(join(dataDir, 'logs'));
    expect(existsSync(join(dataDir, 'logs'))).toBe(true);
  });

  it('reports the shell’s problem as an error the window can show', async () => {
    const shell = { openPath: vi.fn(async () => 'Failed to open path') };
    await expect(openLogFolder(shell, temp())).rejects.toThrow('Failed to open path');
  });

  it.each(['zh-CN', 'en-US'] as const)('the core-stopped dialog names the log file (%s)', (language) => {
    const detail = coreFailedDetail(MAIN_STRINGS[language], '/data');
    expect(detail.startsWith(MAIN_STRINGS[language].coreFailedBody)).toBe(true);
    expect(detail).toContain(join('/data', 'logs', 'shopdesk.log'));
    expect(detail).not.toContain('{path}');
  });
});
