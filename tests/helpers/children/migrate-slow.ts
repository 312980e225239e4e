/**
 * Child process for the kill-during-migration test: opens the data folder with the slow
 * migration pending, prints its progress, then `MIGRATED <mode> <version>` and waits to be killed.
 *   node --import tsx tests/helpers/children/migrate-slow.ts <dataDir> [pauseAfterChunk]
 */
import { openSession } from '../data-folder';
import { withSlowMigration } from './slow-migration';

const [dataDir = '', pause] = process.argv.slice(2);
const print = (line: string) => process.stdout.write(`${line}\n`);
const session = await openSession(dataDir, { migrations: withSlowMigration(print, pause === undefined ? undefined : Number(pause)) });
process.stdout.write(`MIGRATED ${session.current.mode} ${session.current.schemaVersion}\n`);
setInterval(() => {}, 1000);
