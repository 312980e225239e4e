import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeElectron, FAKE_APP_PATHS as PATHS } from '../../tests/helpers/fake-electron';
import { silentLogger } from '../core/log';
import type { Events } from '../shared/rpc/contract';
import { bootstrap } from './bootstrap';
import { DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';

/*
 * The whole desktop path of a reminder, on the fake 'electron' module: the core fires it, main shows
 * a system notification, the user clicks it, the window comes up and its page is told the subject
 * (the preload hands that to the renderer, which routes with screenForSubject).
 */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function startHidden() {
  const dataDir = mkdtempSync(join(tmpdir(), 'shopdesk-notification-'));
  dirs.push(dataDir);
  const fake = createFakeElectron({ notifications: true });
  const result = bootstrap({
    electron: fake.api,
    argv: ['/app/shopdesk', '--data-dir', dataDir, '--hidden'],
    env: { SHOPDESK_DATA_DIR: dataDir },
    platform: 'linux',
    execPath: '/app/shopdesk',
    paths: PATHS,
    log: silentLogger,
  });
  if (!result.started) throw new Error('expected the app to start');
  await result.session;
  const window = fake.windows()[0];
  const core = fake.forks[0];
  if (!window || !core) throw new Error('expected a window and a core process');
  return { fake, window, core };
}

const fired: Events['reminders.fired'] = {
  reminders: [],
  notifications: [
    { key: 'supplier.returnInfo:12:both', subject: 'supplier:12', title: '「凉席」出单了：请向「义乌小王」要退货地址和退货规则', body: '…' },
    { key: 'listing.slot:2026-09-10:12:00', subject: 'slot:12:00', title: '12:00 上新时段：现在上架 3 个商品', body: '…' },
  ],
};

describe('a click on a reminder notification opens what it is about', () => {
  it('shows the window (also from the tray) and sends the subject to its page only', async () => {
    const { fake, window, core } = await startHidden();
    expect(window.show).not.toHaveBeenCalled();

    core.emit('message', { kind: 'event', event: 'reminders.fired', payload: fired });
    await fake.until(() => fake.notifications().filter((n) => n.show.mock.calls.length > 0).length === 2);
    expect(fake.notifications()).toHaveLength(2);
    expect(fake.notifications().map((n) => n.options.title)).toEqual(fired.notifications.map((n) => n.title));
    for (const n of fake.notifications()) expect(n.show).toHaveBeenCalledOnce();

    fake.notifications()[0]?.emit('click');
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    const pushes = window.webContents.send.mock.calls.filter(([channel]) => channel !== RPC_CHANNEL);
    expect(pushes).toEqual([[DESKTOP_EVENTS.openSubject, 'supplier:12']]);

    fake.notifications()[1]?.emit('click');
    expect(window.webContents.send.mock.calls.filter(([channel]) => channel !== RPC_CHANNEL).at(-1)).toEqual([DESKTOP_EVENTS.openSubject, 'slot:12:00']);
  });
});
