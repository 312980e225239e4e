import { deserialize } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import type { SqliteDb } from '../db/open-database';
import { traceAdd, traceEnd, traceMemory, traceReport, traceStart, traceTime } from './import-trace';
import { TableWriter } from './table-writer';
import type { WriterRequest, WriterResponse } from './worker-protocol';

/**
 * The writer thread's loop: applies each request from the reader synchronously, in order, and
 * answers it. After a failed batch the rest of that unit's batches are answered with the same
 * failure (nothing more is written) until the reader rolls back.
 */
export function serveWriter(port: MessagePort, db: SqliteDb, afterWriteBegun?: () => void): void {
  const table = new TableWriter(db);
  let written = 0;
  let failed: { message: string; code: string | undefined } | null = null;
  // Trace: when the last answer went out while a unit is open; the gap to the next request is time the writer had nothing to do.
  let idleSince: number | null = null;
  port.on('message', (request: WriterRequest) => {
    if (idleSince !== null) traceAdd('waitReader', performance.now() - idleSince);
    let response: WriterResponse;
    try {
      switch (request.op) {
        case 'begin':
          failed = null;
          written = 0;
          table.begin(request.header);
          if (request.header.mode === 'write') afterWriteBegun?.();
          response = { id: request.id, ok: true, linesWritten: 0 };
          break;
        case 'write':
        case 'writePacked':
          if (failed) {
            response = { id: request.id, ok: false, ...failed };
            break;
          }
          {
            const rows = request.op === 'write' ? request.rows : (deserialize(request.packed) as unknown[][]);
            const started = traceStart();
            table.write(rows);
            traceEnd('write', started);
            traceMemory();
            written += rows.length;
          }
          response = { id: request.id, ok: true, linesWritten: written };
          break;
        case 'commit': {
          const started = performance.now();
          response = { id: request.id, ok: true, linesWritten: written, result: table.commit(request.totals) };
          traceTime('commitUnit', started);
          traceReport('writer');
          break;
        }
        case 'rollback':
          failed = null;
          table.rollback();
          response = { id: request.id, ok: true, linesWritten: 0 };
          break;
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      failed = { message: (error as Error).message, code: typeof code === 'string' ? code : undefined };
      response = { id: request.id, ok: false, ...failed };
    }
    port.postMessage(response);
    idleSince = table.inUnit ? performance.now() : null;
  });
}
