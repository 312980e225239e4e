import { describe, expect, it } from 'vitest';
import { inMemoryPortPair } from '../core/rpc/in-memory-port';
import type { Port, RpcMessage } from '../shared/rpc/envelope';
import { createPortMultiplexer } from './port-multiplexer';

const tick = () => new Promise((r) => setTimeout(r, 0));
const collect = (port: Port) => {
  const got: RpcMessage[] = [];
  port.onMessage((m) => got.push(m));
  return got;
};
/** A core that answers every request with its own upstream id, so routing is visible. */
const echoCore = (port: Port) =>
  port.onMessage((m) => {
    if (m.kind === 'request') port.send({ kind: 'response', id: m.id, ok: true, value: `${m.method}#${m.id}` });
  });

describe('createPortMultiplexer', () => {
  it('keeps each client’s ids its own and routes every response back to its asker', async () => {
    const mux = createPortMultiplexer();
    const [up, core] = inMemoryPortPair();
    echoCore(core);
    mux.attach(up);
    const a = mux.connect();
    const b = mux.connect();
    const gotA = collect(a);
    const gotB = collect(b);
    a.send({ kind: 'request', id: 1, method: 'a', params: {} });
    b.send({ kind: 'request', id: 1, method: 'b', params: {} });
    await tick();
    expect(gotA).toEqual([{ kind: 'response', id: 1, ok: true, value: 'a#1' }]);
    expect(gotB).toEqual([{ kind: 'response', id: 1, ok: true, value: 'b#2' }]);
  });

  it('sends events to every client and ignores non-requests from clients', async () => {
    const mux = createPortMultiplexer();
    const [up, core] = inMemoryPortPair();
    const atCore = collect(core);
    mux.attach(up);
    const gotA = collect(mux.connect());
    const b = mux.connect();
    const gotB = collect(b);
    b.send({ kind: 'event', event: 'x', payload: 1 });
    core.send({ kind: 'event', event: 'settings.changed', payload: 1 });
    await tick();
    expect(atCore).toEqual([]);
    expect(gotA).toEqual([{ kind: 'event', event: 'settings.changed', payload: 1 }]);
    expect(gotB).toEqual(gotA);
  });

  it('holds requests while the core restarts and fails the ones it had in flight', async () => {
    const mux = createPortMultiplexer();
    const [up1, core1] = inMemoryPortPair();
    mux.attach(up1);
    const client = mux.connect();
    const got = collect(client);
    client.send({ kind: 'request', id: 7, method: 'slow', params: {} });
    await tick();
    core1.close(); // the first core dies without answering
    client.send({ kind: 'request', id: 8, method: 'later', params: {} });
    await tick();
    expect(got).toEqual([{ kind: 'response', id: 7, ok: false, error: { code: 'TRANSPORT_CLOSED', message: 'connection to the core closed' } }]);
    const [up2, core2] = inMemoryPortPair();
    echoCore(core2);
    mux.attach(up2);
    await tick();
    expect(got[1]).toMatchObject({ kind: 'response', id: 8, ok: true, value: expect.stringMatching(/^later#/) });
  });

  it('close() fails pending and queued calls and closes every client once', async () => {
    const mux = createPortMultiplexer();
    const client = mux.connect();
    const got = collect(client);
    let closes = 0;
    client.onClose(() => (closes += 1));
    client.send({ kind: 'request', id: 1, method: 'queued', params: {} });
    mux.close();
    mux.close();
    expect(got).toMatchObject([{ id: 1, ok: false, error: { code: 'TRANSPORT_CLOSED' } }]);
    expect(closes).toBe(1);
    client.send({ kind: 'request', id: 2, method: 'after', params: {} });
    expect(got).toHaveLength(1);
  });
});
