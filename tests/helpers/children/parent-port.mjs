/*
 * Preload (`node --import`) that gives a plain Node child what Electron's utilityProcess.fork gives
 * the core: `process.parentPort`, an emitter of `{ data, ports }` message events with postMessage().
 * Both directions ride the child_process IPC channel (structured clone with `serialization:
 * 'advanced'`, as Electron's MessagePort does). Started by tests/helpers/utility-process.ts.
 */
import { EventEmitter } from 'node:events';

const parentPort = new EventEmitter();
parentPort.postMessage = (message) => process.send?.(message);
process.on('message', (data) => parentPort.emit('message', { data, ports: [] }));
Object.defineProperty(process, 'parentPort', { value: parentPort, enumerable: false });
