import { join } from 'node:path';

export type DataPaths = { dataDir: string; dbFile: string; backupsDir: string; quarantineDir: string };

export const DB_FILE_NAME = 'shopdesk.sqlite';

export const dataPaths = (dataDir: string): DataPaths => ({
  dataDir,
  dbFile: join(dataDir, DB_FILE_NAME),
  backupsDir: join(dataDir, 'backups'),
  quarantineDir: join(dataDir, 'quarantine'),
});

export const sidecars = (dbFile: string): string[] => [`${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`];
