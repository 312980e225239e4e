import { statfsSync, statSync } from 'node:fs';

/**
 * Whether a preview may keep a unit's parsed batches (about twice the file: v8 keeps Chinese text
 * as UTF-16) and still leave the room the confirm itself needs: the verified pre-import backup
 * (a copy of the database) and the import's growth of the database and its WAL (about the file
 * again). Keeping is an optimisation; it must never be why a backup or an import hits a full disk.
 */
export function hasRoomToStage(room: { freeBytes: number; unitBytes: number; databaseBytes: number }): boolean {
  return room.freeBytes >= 3 * room.unitBytes + 2 * room.databaseBytes + 64 * 1024 * 1024;
}

/** Free bytes for an unprivileged user on the disk of `dir`, and the database's size; null when unknown. */
export function measureRoom(dir: string, dbPath: string): { freeBytes: number; databaseBytes: number } | null {
  try {
    const fs = statfsSync(dir);
    let databaseBytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        databaseBytes += statSync(`${dbPath}${suffix}`).size;
      } catch {
        // No WAL file right now.
      }
    }
    return { freeBytes: fs.bavail * fs.bsize, databaseBytes };
  } catch {
    return null;
  }
}
