import { describe, expect, it, vi } from 'vitest';
import { inMemoryPortPair } from '../core/rpc/in-memory-port';
import { DESKTOP_EVENTS, RPC_CHANNEL } from '../shared/ipc-channels';
import type { RpcRequest } from '../shared/rpc/envelope';
import { registerIpc } from './ipc-registry';
import { createPortMultiplexer } from './port-multiplexer';
import { relayRendererToCore } from './relay';

const tick = () => new Promise((r) => setTimeout(r, 0));
const PAGE_A = 'a'.repeat(32);
const PAGE_B = 'b'.repeat(32);
const request = (id: number, method = 'settings.get'): RpcRequest => ({ kind: 'request', id, method, params: {} });

/** The relay over a real multiplexer, with a core that holds every request until the test answers it. */
function setup() {
  const ipcMain = { on: vi.fn(), handle: vi.fn() };
  const mux = createPortMultiplexer();
  const [upstream, coreSide] = inMemoryPortPair();
  mux.attach(upstream);
  const atCore: RpcRequest[] = [];
  coreSide.onMessage((m) => {
    if (m.kind === 'request') atCore.push(m);
  });
  /** The core answers the n-th request it received (upstream ids are the multiplexer's own). */
  const answer = (n: number, value: unknown) => coreSide.send({ kind: 'response', id: atCore[n]!.id, ok: true, value });
  const contents = { send: vi.fn(), isDestroyed: () => false };
  let quitting = false;
  const relay = relayRendererToCore(registerIpc(ipcMain, { trustedOrigins: ['app://shop'] }), mux, () => contents, { isQuitting: () => quitting });
  const [channel, listener] = ipcMain.on.mock.calls[0] as [string, (event: unknown, ...args: unknown[]) => void];
  const frame = { url: 'app://shop/', parent: null };
  const fromPage = (page: string, message: unknown) => listener({ sender: contents, senderFrame: frame }, { page, message });
  const toPage = () => contents.send.mock.calls as unknown[][];
  return { channel, listener, contents, coreSide, atCore, answer, frame, fromPage, toPage, relay, mux, quit: () => (quitting = true) };
}

describe('relayRendererToCore', () => {
  it('uses the one RPC channel: a page’s requests go to the core, its answers come back tagged for it', async () => {
    const { channel, fromPage, atCore, answer, toPage } = setup();
    expect(channel).toBe(RPC_CHANNEL);
    fromPage(PAGE_A, request(1));
    await tick();
    expect(atCore).toMatchObject([{ kind: 'request', method: 'settings.get', params: {} }]);
    answer(0, 'ok');
    await tick();
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_A, message: { kind: 'response', id: 1, ok: true, value: 'ok' } }]]);
  });

  it.each([
    ['a response', { kind: 'response', id: 1, ok: true, value: 1 }],
    ['an event', { kind: 'event', event: 'settings.changed', payload: {} }],
    ['garbage', 'hello'],
    ['a request without id', { kind: 'request', method: 'x' }],
  ])('drops %s sent by the page', async (_name, message) => {
    const { fromPage, atCore } = setup();
    fromPage(PAGE_A, message);
    await tick();
    expect(atCore).toEqual([]);
  });

  it.each([
    ['a bare envelope (no page key)', request(1)],
    ['a malformed page key', { page: 'not-a-key', message: request(1) }],
  ])('drops %s', async (_name, payload) => {
    const { listener, contents, frame, atCore } = setup();
    listener({ sender: contents, senderFrame: frame }, payload);
    await tick();
    expect(atCore).toEqual([]);
  });

  it('drops requests from other webContents and untrusted frames', async () => {
    const { listener, contents, atCore, frame } = setup();
    listener({ sender: { other: true }, senderFrame: frame }, { page: PAGE_A, message: request(1) });
    listener({ sender: contents, senderFrame: { url: 'https://evil.com/', parent: null } }, { page: PAGE_A, message: request(2) });
    await tick();
    expect(atCore).toEqual([]);
  });

  it('sends the core’s events to the page that is connected', async () => {
    const { fromPage, coreSide, toPage } = setup();
    fromPage(PAGE_A, request(1));
    coreSide.send({ kind: 'event', event: 'settings.changed', payload: { language: 'en-US' } });
    await tick();
    expect(toPage()).toContainEqual([RPC_CHANNEL, { page: PAGE_A, message: { kind: 'event', event: 'settings.changed', payload: { language: 'en-US' } } }]);
  });

  it('a reloaded page never gets the answer owed to the page before, although its ids restart at 1', async () => {
    const { fromPage, answer, toPage } = setup();
    fromPage(PAGE_A, request(1, 'imports.list'));
    await tick();
    // Reload: the new page's first call has id 1 too, while the old page's answer is still owed.
    fromPage(PAGE_B, request(1, 'app.status'));
    await tick();
    answer(0, 'old page’s import list');
    answer(1, 'new page’s status');
    await tick();
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_B, message: { kind: 'response', id: 1, ok: true, value: 'new page’s status' } }]]);
  });

  it('a late request of a replaced page is dropped and does not disturb the page that replaced it', async () => {
    const { fromPage, atCore, answer, toPage } = setup();
    fromPage(PAGE_A, request(1));
    fromPage(PAGE_B, request(1));
    fromPage(PAGE_A, request(2));
    await tick();
    expect(atCore).toHaveLength(2);
    answer(1, 'for B');
    await tick();
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_B, message: { kind: 'response', id: 1, ok: true, value: 'for B' } }]]);
  });

  it('endPage (renderer crashed): answers for the page that crashed are dropped; the next page gets its own connection', async () => {
    const { fromPage, atCore, answer, toPage, relay } = setup();
    fromPage(PAGE_A, request(1));
    await tick();
    relay.endPage();
    answer(0, 'for the crashed page');
    fromPage(PAGE_A, request(2)); // whatever the old page still had queued
    fromPage(PAGE_B, request(1));
    await tick();
    answer(1, 'for B');
    await tick();
    expect(atCore).toHaveLength(2);
    expect(toPage()).toEqual([[RPC_CHANNEL, { page: PAGE_B, message: { kind: 'response', id: 1, ok: true, value: 'for B' } }]]);
  });

  it('once the core has stopped for good, every request is answered at once with CORE_STOPPED and the page is told', async () => {
    const { fromPage, toPage, mux, atCore } = setup();
    fromPage(PAGE_A, request(1));
    await tick();
    mux.close(); // the core host gave up
    expect(toPage()).toEqual([
      [RPC_CHANNEL, { page: PAGE_A, message: { kind: 'response', id: 1, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'connection to the core closed' } } }],
      [DESKTOP_EVENTS.coreStopped],
    ]);
    // A reloaded page asks again: answered without waiting, and told too.
    fromPage(PAGE_B, request(1));
    expect(toPage().slice(2)).toEqual([
      [RPC_CHANNEL, { page: PAGE_B, message: { kind: 'response', id: 1, ok: false, error: { code: 'CORE_STOPPED', message: expect.any(String) } } }],
      [DESKTOP_EVENTS.coreStopped],
    ]);
    expect(atCore).toHaveLength(1);
  });

  it('does not tell the page the core stopped when the app is quitting (the core is stopped on purpose)', async () => {
    const { fromPage, toPage, mux, quit } = setup();
    fromPage(PAGE_A, request(1));
    await tick();
    quit();
    mux.close();
    expect(toPage().map(([channel]) => channel)).toEqual([RPC_CHANNEL]);
  });

  it('sends nothing to a destroyed window', async () => {
    const { fromPage, contents, answer } = setup();
    fromPage(PAGE_A, request(1));
    await tick();
    contents.isDestroyed = () => true;
    answer(0, 'late');
    await tick();
    expect(contents.send).not.toHaveBeenCalled();
  });
});
