import { describe, expect, it, vi } from 'vitest';
import { createInvalidationBus } from './invalidation-bus';

describe('createInvalidationBus', () => {
  it.each([
    { what: { methods: ['backups.list'] } as const, settings: 0, backups: 1 },
    { what: { methods: ['settings.get', 'backups.list'] } as const, settings: 1, backups: 1 },
    { what: { methods: [] } as const, settings: 0, backups: 0 },
    { what: 'all' as const, settings: 1, backups: 1 },
  ])('invalidate($what) reloads the matching queries once', ({ what, settings, backups }) => {
    const bus = createInvalidationBus();
    const reloadSettings = vi.fn();
    const reloadBackups = vi.fn();
    bus.subscribe('settings.get', reloadSettings);
    bus.subscribe('backups.list', reloadBackups);
    bus.invalidate(what);
    expect(reloadSettings).toHaveBeenCalledTimes(settings);
    expect(reloadBackups).toHaveBeenCalledTimes(backups);
  });

  it('reloads a query subscribed under two methods only once per invalidation', () => {
    const bus = createInvalidationBus();
    const reload = vi.fn();
    bus.subscribe('settings.get', reload);
    bus.subscribe('backups.list', reload);
    bus.invalidate('all');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('stops reloading after unsubscribe', () => {
    const bus = createInvalidationBus();
    const reload = vi.fn();
    const off = bus.subscribe('db.check', reload);
    off();
    bus.invalidate({ methods: ['db.check'] });
    bus.invalidate('all');
    expect(reload).not.toHaveBeenCalled();
  });
});
