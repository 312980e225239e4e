import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppError } from '../../src/shared/errors';
import { methodSchemas, type Events, type Method } from '../../src/shared/rpc/contract';
import type { RpcClient } from '../../src/shared/rpc/client';
import { useTempDirs } from '../helpers/temp-dir';
import { isPlainData } from './plain-data';
import { rawCall, TRANSPORTS, type Connection } from './transports';

/*
 * One suite, run over every transport a host uses (in-memory, and the harness's WebSocket):
 * whatever carries the envelopes, callers see the same results, errors and events.
 */

const tempDir = useTempDirs();

/** The AppError a call fails with (fails the test if it succeeds or throws something else). */
async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the call to fail');
}

const nextEvent = <E extends keyof Events>(client: RpcClient, event: E): Promise<Events[E]> =>
  new Promise((resolve) => {
    const off = client.on(event, (payload) => {
      off();
      resolve(payload);
    });
  });

/** Calls any method name with any params, bypassing the client's types on purpose. */
const untypedCall = (client: RpcClient, method: string, params: unknown) => (client.call as (m: string, p: unknown) => Promise<unknown>)(method, params);

const expectPlainRoundTrip = (value: unknown) => {
  expect(isPlainData(value)).toBe(true);
  expect(structuredClone(value)).toStrictEqual(value);
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
};

describe.each(TRANSPORTS)('contract over $name', (transport) => {
  let conn: Connection;
  let dataDir: string;

  beforeEach(async () => {
    dataDir = tempDir();
    conn = await transport.connect(dataDir);
  });
  afterEach(async () => {
    await conn.close();
  });

  describe('calls and results', () => {
    it('app.status describes a normal, migrated database in the data folder', async () => {
      const status = await conn.client.call('app.status', {});
      expect(status).toMatchObject({ mode: 'normal', recovery: null, dataDir });
      expect(status.schemaVersion).toBeGreaterThanOrEqual(1);
      expect(Number.isNaN(Date.parse(status.now))).toBe(false);
    });

    it('settings.update changes only what it is given, and settings.get reads it back', async () => {
      const before = await conn.client.call('settings.get', {});
      const updated = await conn.client.call('settings.update', { theme: 'dark', startHidden: true });
      expect(updated).toEqual({ ...before, theme: 'dark', startHidden: true });
      expect(await conn.client.call('settings.get', {})).toEqual(updated);
    });

    it('backups.create makes a verified manual backup that backups.list shows first', async () => {
      const made = await conn.client.call('backups.create', {});
      expect(made.kind).toBe('manual');
      const list = await conn.client.call('backups.list', {});
      expect(list[0]).toEqual(made);
      expect(list.map((b) => b.kind)).toContain('daily');
    });

    it('backups.restore brings back the saved settings', async () => {
      await conn.client.call('settings.update', { language: 'en-US' });
      const saved = await conn.client.call('backups.create', {});
      await conn.client.call('settings.update', { language: 'zh-CN', theme: 'light' });
      const result = await conn.client.call('backups.restore', { id: saved.id });
      expect(result.restored.id).toBe(saved.id);
      expect(result.safetyBackup?.kind).toBe('pre-restore');
      expect(await conn.client.call('settings.get', {})).toMatchObject({ language: 'en-US', theme: 'system' });
    });

    it('answers calls sent together, each with its own result', async () => {
      const [status, settings, check] = await Promise.all([
        conn.client.call('app.status', {}),
        conn.client.call('settings.get', {}),
        conn.client.call('db.check', {}),
      ]);
      expect(status.mode).toBe('normal');
      expect(settings.language).toBe('zh-CN');
      expect(check.integrity).toBe('ok');
    });
  });

  describe('typed errors', () => {
    it('answers an unknown method in a raw envelope with UNKNOWN_METHOD', async () => {
      const response = await rawCall(conn.port, { kind: 'request', id: 900_001, method: 'orders.explode', params: {} });
      expect(response).toMatchObject({ kind: 'response', id: 900_001, ok: false, error: { code: 'UNKNOWN_METHOD' } });
    });

    it('answers inherited property names as unknown methods, not as handlers', async () => {
      for (const method of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
        const response = await rawCall(conn.port, { kind: 'request', id: 900_002, method, params: {} });
        expect(response).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      }
    });

    it.each([
      ['a value outside the enum', 'settings.update', { language: 'fr-FR' }, ['language']],
      ['a wrong type', 'settings.update', { startAtLogin: 'yes' }, ['startAtLogin']],
      ['two wrong fields', 'settings.update', { theme: 1, startHidden: null }, ['theme', 'startHidden']],
      ['an extra key', 'settings.get', { sneaky: true }, ['']],
      ['an extra key next to valid ones', 'settings.update', { theme: 'dark', isAdmin: true }, ['']],
      ['params that are not an object', 'app.status', [1, 2], ['']],
      ['a path instead of a backup id', 'backups.restore', { id: '../../etc/passwd' }, ['id']],
      ['a missing backup id', 'backups.restore', {}, ['id']],
      ['a wrong type for full', 'db.check', { full: 'yes' }, ['full']],
    ])('refuses %s with VALIDATION and the issue paths', async (_name, method, params, paths) => {
      const error = await failure(untypedCall(conn.client, method, params));
      expect(error.code).toBe('VALIDATION');
      const issues = (error.details?.issues ?? []) as { path: string }[];
      expect(issues.map((i) => i.path).sort()).toEqual([...paths].sort());
    });

    it('names the unexpected key in the VALIDATION issue', async () => {
      const error = await failure(untypedCall(conn.client, 'settings.update', { theme: 'dark', isAdmin: true }));
      expect(JSON.stringify(error.details)).toContain('isAdmin');
      expect((await conn.client.call('settings.get', {})).theme).toBe('system');
    });

    it('answers a well-formed id with no such file with BACKUP_NOT_FOUND', async () => {
      const id = 'shopdesk-20200101T000000000Z-manual-v1.sqlite';
      const error = await failure(conn.client.call('backups.restore', { id }));
      expect(error.code).toBe('BACKUP_NOT_FOUND');
      expect(error.details).toEqual({ id });
    });

    it('answers recovery.startFresh on a healthy database with FORBIDDEN', async () => {
      expect((await failure(conn.client.call('recovery.startFresh', {}))).code).toBe('FORBIDDEN');
    });

    it('moves the clock only where the host has a testing clock (FORBIDDEN elsewhere)', async () => {
      const at = '2030-01-02T03:04:05.000Z';
      if (conn.hasTestingClock) {
        expect((await conn.client.call('testing.setTime', { at })).now.slice(0, 16)).toBe(at.slice(0, 16));
        expect((await conn.client.call('app.status', {})).now.slice(0, 16)).toBe(at.slice(0, 16));
        await conn.client.call('testing.setTime', { at: null });
      } else {
        expect((await failure(conn.client.call('testing.setTime', { at }))).code).toBe('FORBIDDEN');
        // The system clock, bracketed by this process's reads of it: no allowance for how long the call took.
        const before = Date.now();
        const now = Date.parse((await conn.client.call('app.status', {})).now);
        expect(now).toBeGreaterThanOrEqual(before);
        expect(now).toBeLessThanOrEqual(Date.now());
      }
    });
  });

  describe('events', () => {
    it('delivers settings.changed with the new settings', async () => {
      const changed = nextEvent(conn.client, 'settings.changed');
      const updated = await conn.client.call('settings.update', { theme: 'light' });
      expect(await changed).toEqual(updated);
    });

    it('delivers backups.created with the new backup', async () => {
      const created = nextEvent(conn.client, 'backups.created');
      const made = await conn.client.call('backups.create', {});
      expect(await created).toEqual(made);
    });

    it('delivers backups.restored and app.statusChanged after a restore', async () => {
      const saved = await conn.client.call('backups.create', {});
      const restored = nextEvent(conn.client, 'backups.restored');
      const status = nextEvent(conn.client, 'app.statusChanged');
      const result = await conn.client.call('backups.restore', { id: saved.id });
      expect(await restored).toEqual(result);
      expect((await status).mode).toBe('normal');
    });

    it('stops delivering to a listener once it unsubscribes', async () => {
      const seen: string[] = [];
      const off = conn.client.on('settings.changed', (s) => seen.push(s.theme));
      await conn.client.call('settings.update', { theme: 'dark' });
      off();
      await conn.client.call('settings.update', { theme: 'light' });
      await conn.client.call('app.status', {});
      expect(seen).toEqual(['dark']);
    });
  });

  describe('plain data', () => {
    it('every result survives structuredClone and JSON unchanged', async () => {
      const made = await conn.client.call('backups.create', {});
      const results = [
        await conn.client.call('app.status', {}),
        await conn.client.call('settings.get', {}),
        await conn.client.call('settings.update', { closeToTrayExplained: true }),
        await conn.client.call('db.check', { full: true }),
        await conn.client.call('backups.list', {}),
        made,
        await conn.client.call('backups.restore', { id: made.id }),
      ];
      for (const result of results) expectPlainRoundTrip(result);
    });

    it('every error survives structuredClone and JSON unchanged', async () => {
      const response = await rawCall(conn.port, { kind: 'request', id: 900_003, method: 'settings.update', params: { theme: 7 } });
      expectPlainRoundTrip(response);
    });
  });

  describe('hostile input', () => {
    const methods = Object.keys(methodSchemas) as Method[];
    const settingKeys = ['language', 'theme', 'startAtLogin', 'startHidden', 'closeToTrayExplained', 'full', 'id', 'at'];
    const params = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom(...settingKeys, '__proto__', 'constructor', 'toString'), fc.anything()),
      fc.record(
        { language: fc.constantFrom('zh-CN', 'en-US', 'fr', ''), theme: fc.constantFrom('dark', 'light', 'neon'), startAtLogin: fc.anything() },
        { requiredKeys: [] },
      ),
    );

    it('answers arbitrary params to every method with a typed result or error, and leaves settings alone on error', async () => {
      let settings = await conn.client.call('settings.get', {});
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constantFrom(...methods), fc.string()), params, async (method, p) => {
          try {
            await untypedCall(conn.client, method, p);
            settings = await conn.client.call('settings.get', {});
          } catch (error) {
            expect(error).toBeInstanceOf(AppError);
            const { code } = error as AppError;
            expect(APP_ERROR_CODES).toContain(code);
            // INTERNAL would mean an unexpected throw inside the core; TRANSPORT_CLOSED a dropped connection.
            expect(['INTERNAL', 'TRANSPORT_CLOSED']).not.toContain(code);
            expect(await conn.client.call('settings.get', {})).toEqual(settings);
          }
        }),
        { numRuns: 150 },
      );
      expect((await conn.client.call('app.status', {})).mode).toBe('normal');
      expect((await conn.client.call('db.check', {})).integrity).toBe('ok');
    });
  });

  describe('closing', () => {
    it('ends a call still in flight with TRANSPORT_CLOSED', async () => {
      const pending = conn.client.call('db.check', { full: true });
      conn.client.close();
      expect((await failure(pending)).code).toBe('TRANSPORT_CLOSED');
    });
  });
});
