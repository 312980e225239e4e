import type { MessagePort } from 'node:worker_threads';
import { WriterError, type UnitWriter } from './import-unit';
import { traceEnd, traceStart, traceTime } from './import-trace';
import type { UnitCounts, UnitHeader, UnitTotals } from './table-writer';
import type { WriterRequest, WriterResponse } from './worker-protocol';

/** Batches in flight to the writer thread before the reader waits (PERFORMANCE.md §3e: 1k rows, ≤ 4). */
const MAX_IN_FLIGHT = 4;

type Pending = { resolve(r: WriterResponse): void };

/**
 * The reader thread's handle on the writer thread. Row batches are sent without waiting (up to
 * four in flight, structured clone: measured faster than JSON or packed strings); begin, commit
 * and rollback wait for their answer. A failed batch fails the next call, so the reader stops and
 * rolls back.
 */
export class RemoteWriter implements UnitWriter {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight: Promise<WriterResponse>[] = [];
  private failure: WriterResponse | null = null;
  private written = 0;

  constructor(private readonly port: MessagePort) {
    port.on('message', (response: WriterResponse) => {
      const p = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (response.ok) this.written = response.linesWritten;
      p?.resolve(response);
    });
  }

  get linesWritten(): number {
    return this.written;
  }

  private send(request: WriterRequest, transfer: ArrayBuffer[] = []): Promise<WriterResponse> {
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve });
      this.port.postMessage(request, transfer);
    });
  }

  private check(response: WriterResponse): WriterResponse & { ok: true } {
    if (!response.ok) throw new WriterError(response.message, response.code);
    return response;
  }

  private async drain(): Promise<void> {
    while (this.inFlight.length > 0) {
      const response = await this.inFlight.shift()!;
      if (!response.ok && this.failure === null) this.failure = response;
    }
  }

  async begin(header: UnitHeader): Promise<void> {
    this.failure = null;
    this.written = 0;
    this.check(await this.send({ id: this.nextId++, op: 'begin', header }));
  }

  async write(rows: unknown[][]): Promise<void> {
    return this.enqueue({ id: this.nextId++, op: 'write', rows });
  }

  /** A batch already serialised (a staged preview's): its buffer moves to the writer thread, not a copy. */
  async writePacked(packed: Uint8Array): Promise<void> {
    return this.enqueue({ id: this.nextId++, op: 'writePacked', packed }, [packed.buffer as ArrayBuffer]);
  }

  private async enqueue(request: WriterRequest, transfer: ArrayBuffer[] = []): Promise<void> {
    if (this.failure) this.check(this.failure);
    const postStarted = traceStart();
    this.inFlight.push(this.send(request, transfer));
    traceEnd('post', postStarted);
    while (this.inFlight.length >= MAX_IN_FLIGHT) {
      const waitStarted = performance.now();
      const response = await this.inFlight.shift()!;
      traceTime('waitWriter', waitStarted);
      if (!response.ok) {
        this.failure = response;
        this.check(response);
      }
    }
  }

  async commit(totals: UnitTotals): Promise<{ importId: number | null; counts: UnitCounts }> {
    await this.drain();
    if (this.failure) this.check(this.failure);
    const response = this.check(await this.send({ id: this.nextId++, op: 'commit', totals }));
    return response.result!;
  }

  async rollback(): Promise<void> {
    await this.drain();
    this.failure = null;
    this.check(await this.send({ id: this.nextId++, op: 'rollback' }));
  }
}
