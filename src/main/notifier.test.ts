import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_EVENTS } from '../shared/ipc-channels';
import { createElectronNotifier, openNotificationSubject, type NotificationClass } from './notifier';

function fakeNotificationClass(supported: boolean) {
  const shown: FakeNotification[] = [];
  class FakeNotification extends EventEmitter {
    static isSupported = () => supported;
    readonly show = vi.fn(() => shown.push(this));
    constructor(readonly options: Record<string, unknown>) {
      super();
    }
  }
  return { Notification: FakeNotification as unknown as NotificationClass, shown };
}

describe('createElectronNotifier', () => {
  it('shows a system notification and reports clicks with it (key and subject)', () => {
    const { Notification, shown } = fakeNotificationClass(true);
    const onClick = vi.fn();
    const notifier = createElectronNotifier({ Notification, onClick, icon: '/icon.png' });
    expect(notifier.isSupported).toBe(true);
    notifier.notify({ key: 'reminder:settlement:2025-06-01', subject: 'money:2025-06-01', title: '结算提醒', body: '今天有 3 笔结算到账' });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.options).toEqual({ title: '结算提醒', body: '今天有 3 笔结算到账', icon: '/icon.png' });
    shown[0]?.emit('click');
    expect(onClick).toHaveBeenCalledWith({ key: 'reminder:settlement:2025-06-01', subject: 'money:2025-06-01', title: '结算提醒', body: '今天有 3 笔结算到账' });
  });

  it('shows nothing where notifications are not supported', () => {
    const { Notification, shown } = fakeNotificationClass(false);
    const notifier = createElectronNotifier({ Notification, onClick: vi.fn() });
    notifier.notify({ key: 'k', title: 't', body: 'b' });
    expect(notifier.isSupported).toBe(false);
    expect(shown).toHaveLength(0);
  });
});

describe('openNotificationSubject: a click shows the window and asks the page to open the subject', () => {
  const contents = (isDestroyed: boolean) => ({ send: vi.fn(), isDestroyed: () => isDestroyed });
  it.each([
    ['a reminder', { key: 'supplier.returnInfo:12:both', subject: 'supplier:12' }, contents(false), [[DESKTOP_EVENTS.openSubject, 'supplier:12']]],
    ['a notification about nothing (close to tray)', { key: 'close-to-tray' }, contents(false), []],
    ['a page already gone', { key: 'k', subject: 'slot:09:00' }, contents(true), []],
  ])('%s', (_name, notification, page, sent) => {
    const show = vi.fn();
    openNotificationSubject({ show, target: () => page })({ ...notification, title: 't', body: 'b' });
    expect(show).toHaveBeenCalledOnce();
    expect(page.send.mock.calls).toEqual(sent);
  });

  it('only shows the window when there is no page', () => {
    const show = vi.fn();
    openNotificationSubject({ show, target: () => null })({ key: 'k', subject: 'slot:09:00', title: 't', body: 'b' });
    expect(show).toHaveBeenCalledOnce();
  });
});
