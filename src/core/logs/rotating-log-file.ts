import { appendFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type RotatingLogOptions = {
  dir: string;
  /** `shopdesk` → shopdesk.log, shopdesk.1.log, shopdesk.2.log … */
  baseName: string;
  /** A file is rotated before a line would take it past this size. */
  maxBytes: number;
  /** Files kept in all, the live one included (at least 1). */
  files: number;
  /** Told once when writing fails (the log must never take the app down with it). */
  onFailure?(error: Error): void;
};

export type RotatingLogFile = {
  /** The live file. */
  readonly path: string;
  /** The kept files, newest first. */
  paths(): string[];
  /** Appends one line (a newline is added); never throws. */
  append(line: string): void;
};

const ROTATING_SUFFIX = '.rotating';

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A size-rotated log file that the desktop app's two processes (main and the core) write at once.
 * Every line is one synchronous O_APPEND write of its own (no file handle is kept), so lines of the
 * two processes never interleave inside a line, a line logged just before a crash is on disk, and
 * the live file can be renamed under the other writer. Rotation is claimed by renaming the live file
 * to a name of our own: only one process can win that rename, the other finds no file and simply
 * starts the new one, so two writers never rotate the same generation twice.
 */
export function openRotatingLogFile(options: RotatingLogOptions): RotatingLogFile {
  const { dir, baseName, maxBytes } = options;
  const files = Math.max(1, Math.floor(options.files));
  const nameOf = (generation: number) => join(dir, generation === 0 ? `${baseName}.log` : `${baseName}.${generation}.log`);
  const live = nameOf(0);
  let claims = 0;
  let hasFailed = false;

  const fail = (error: unknown) => {
    if (hasFailed) return;
    hasFailed = true;
    options.onFailure?.(error as Error);
  };

  const sizeOf = (path: string): number => {
    try {
      return statSync(path).size;
    } catch {
      return 0;
    }
  };

  const rotate = () => {
    const claimed = `${live}.${process.pid}-${++claims}${ROTATING_SUFFIX}`;
    try {
      renameSync(live, claimed);
    } catch {
      return; // the other process rotated it a moment ago
    }
    if (files === 1) {
      rmSync(claimed, { force: true });
      return;
    }
    for (let g = files - 1; g >= 2; g--) {
      try {
        renameSync(nameOf(g - 1), nameOf(g));
      } catch {
        // a missing older generation is fine
      }
    }
    try {
      renameSync(claimed, nameOf(1));
    } catch (error) {
      fail(error);
    }
  };

  // A rotation cut off by a crash leaves its claimed file (one old generation) where nothing would
  // ever clean it; a claim of a process still running is its rotation in progress and stays.
  try {
    for (const name of readdirSync(dir)) {
      const claim = name.startsWith(`${baseName}.log.`) && name.endsWith(ROTATING_SUFFIX) ? /\.(\d+)-\d+\.rotating$/.exec(name) : null;
      if (claim && !isRunning(Number(claim[1]))) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // no folder yet
  }

  return {
    path: live,
    paths: () => Array.from({ length: files }, (_, g) => nameOf(g)),
    append(line) {
      const text = `${line}\n`;
      try {
        mkdirSync(dir, { recursive: true });
        const size = sizeOf(live);
        if (size > 0 && size + Buffer.byteLength(text) > maxBytes) rotate();
        appendFileSync(live, text);
        hasFailed = false;
      } catch (error) {
        fail(error);
      }
    },
  };
}
