/*
 * Entry of the import worker threads (one file for every role — reader, writer and the pre-import
 * backup — so a bundled build needs one extra entry: out/main/import-worker.js). Started by spawn-import-worker.ts; plain Node only.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openDatabase } from '../db/open-database';
import { runBackup } from './backup-thread';
import { runReader } from './reader-thread';
import { serveWriter } from './serve-writer';
import { holdWriter } from './writer-hold';
import type { BackupData, ReaderData, WriterData } from './worker-protocol';

type Data = (ReaderData & { writerPort: MessagePort | null }) | (WriterData & { readerPort: MessagePort }) | BackupData;

const data = workerData as Data;
const core = parentPort!;

if (data.role === 'backup') {
  // The pre-import backup, off the core's thread (backup-thread.ts).
  core.postMessage(runBackup(data));
  core.unref();
} else if (data.role === 'reader') {
  runReader(data, core as unknown as MessagePort, data.writerPort)
    .catch((error: unknown) => {
      core.postMessage({ type: 'fatal', message: (error as Error).message, stack: (error as Error).stack });
    })
    // The core's port no longer keeps the thread alive once the work is done.
    .finally(() => core.unref());
} else {
  // Its own connection (WAL + synchronous FULL + busy_timeout, like the core's): the core's
  // connection keeps reading while this one holds the write transaction.
  const db = openDatabase(data.dbPath);
  for (const pragma of data.writerPragmas) db.pragma(pragma);
  const hold = data.writerHold;
  serveWriter(data.readerPort, db, hold ? () => holdWriter(hold) : undefined);
  data.readerPort.on('close', () => {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // The core may hold a read snapshot; its next checkpoint does it.
    }
    db.close();
  });
}
