import { describe, expect, it } from 'vitest';
import { AdjustableClock } from '../../src/shared/clock';
import { createCore } from '../../src/core/create-core';
import { silentLogger } from '../../src/core/log';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

describe('core basics', () => {
  it('opens a fresh data folder, migrates, makes the daily backup and stores settings', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    const status = await core.call('app.status', {});
    expect(status.mode).toBe('normal');
    expect(status.schemaVersion).toBeGreaterThanOrEqual(1);
    const backups = await core.call('backups.list', {});
    expect(backups.map((b) => b.kind)).toEqual(['daily']);
    expect(await core.call('settings.get', {})).toMatchObject({ language: 'zh-CN', theme: 'system' });
    await core.call('settings.update', { language: 'en-US' });
    await core.close();
    const again = await createCore({ dataDir, log: silentLogger });
    expect((await again.call('settings.get', {})).language).toBe('en-US');
    expect(await again.call('backups.list', {})).toHaveLength(1);
    await again.close();
  });

  it('restores a backup exactly, after taking a safety backup', async () => {
    const dataDir = tempDir();
    const clock = new AdjustableClock();
    const core = await createCore({ dataDir, log: silentLogger, testingClock: clock });
    await core.call('settings.update', { theme: 'dark' });
    const manual = await core.call('backups.create', {});
    await core.call('settings.update', { theme: 'light', language: 'en-US' });
    const result = await core.call('backups.restore', { id: manual.id });
    expect(result.safetyBackup?.kind).toBe('pre-restore');
    expect(await core.call('settings.get', {})).toMatchObject({ theme: 'dark', language: 'zh-CN' });
    expect((await core.call('db.check', {})).integrity).toBe('ok');
    await core.close();
  });
});

describe('core shutdown', () => {
  it('makes a concurrent second close() wait until the database is closed', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, log: silentLogger });
    const first = core.close();
    const second = core.close();
    expect(second).toBe(first);
    await second;
    const { existsSync, statSync } = await import('node:fs');
    const wal = `${dataDir}/shopdesk.sqlite-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    await expect(core.call('app.status', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
  });
});

describe('unusable data folder', () => {
  it('refuses a data folder that is a file with DATA_DIR_UNUSABLE', async () => {
    const { writeFileSync } = await import('node:fs');
    const file = `${tempDir()}/not-a-folder`;
    writeFileSync(file, 'x');
    await expect(createCore({ dataDir: `${file}/data`, log: silentLogger })).rejects.toMatchObject({ code: 'DATA_DIR_UNUSABLE' });
  });
});

describe('client after the transport closed', () => {
  it('answers TRANSPORT_CLOSED at once instead of hanging', async () => {
    const { inMemoryPortPair } = await import('../../src/core/rpc/in-memory-port');
    const { serveCore } = await import('../../src/core/rpc/serve-core');
    const { createClient } = await import('../../src/shared/rpc/client');
    const core = await createCore({ dataDir: tempDir(), log: silentLogger });
    const [clientPort, corePort] = inMemoryPortPair();
    serveCore(core, corePort);
    const client = createClient(clientPort);
    expect((await client.call('app.status', {})).mode).toBe('normal');
    client.close();
    await expect(client.call('app.status', {})).rejects.toMatchObject({ code: 'TRANSPORT_CLOSED' });
    await core.close();
  });
});
