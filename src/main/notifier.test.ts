import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createElectronNotifier, type NotificationClass } from './notifier';

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
  it('shows a system notification and reports clicks with its key', () => {
    const { Notification, shown } = fakeNotificationClass(true);
    const onClick = vi.fn();
    const notifier = createElectronNotifier({ Notification, onClick, icon: '/icon.png' });
    expect(notifier.isSupported).toBe(true);
    notifier.notify({ key: 'reminder:settlement:2025-06-01', title: '结算提醒', body: '今天有 3 笔结算到账' });
    expect(shown).toHaveLength(1);
    expect(shown[0]?.options).toEqual({ title: '结算提醒', body: '今天有 3 笔结算到账', icon: '/icon.png' });
    shown[0]?.emit('click');
    expect(onClick).toHaveBeenCalledWith('reminder:settlement:2025-06-01');
  });

  it('shows nothing where notifications are not supported', () => {
    const { Notification, shown } = fakeNotificationClass(false);
    const notifier = createElectronNotifier({ Notification, onClick: vi.fn() });
    notifier.notify({ key: 'k', title: 't', body: 'b' });
    expect(notifier.isSupported).toBe(false);
    expect(shown).toHaveLength(0);
  });
});
