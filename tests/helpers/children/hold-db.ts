/**
 * Child process for the shutdown tests: holds the database open and commits a small write every
 * few milliseconds, printing `WROTE <n>` after each commit.
 *   node --import tsx tests/helpers/children/hold-db.ts <dataDir> graceful|abrupt
 * `graceful` closes the session on SIGTERM (what a host does); `abrupt` leaves Node's default,
 * which ends the process at once — SQLite must be safe either way.
 */
import { openSession } from '../data-folder';

const [dataDir = '', mode = 'abrupt'] = process.argv.slice(2);
const session = await openSession(dataDir);
const insert = session.require().sqlite.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
let n = 0;
const timer = setInterval(() => {
  n += 1;
  insert.run(`held-${n}`, JSON.stringify(`第${n}次写入`), new Date().toISOString());
  process.stdout.write(`WROTE ${n}\n`);
}, 2);
if (mode === 'graceful') {
  process.on('SIGTERM', () => {
    clearInterval(timer);
    void session.close().then(() => process.exit(0));
  });
}
process.stdout.write('READY\n');
