import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir';
import { openRotatingLogFile } from './rotating-log-file';

const temp = useTempDirs();
/** 100 bytes with its newline, numbered so the order can be read back. */
const line = (n: number) => `line ${String(n).padStart(5, '0')} `.padEnd(99, '.');
const numbers = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => Number(l.slice(5, 10))) : []);

describe('openRotatingLogFile', () => {
  it('rotates before a line would pass the size limit and keeps exactly `files` files, oldest dropped', () => {
    const dir = join(temp(), 'logs');
    const log = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 3 });
    for (let n = 0; n < 45; n++) log.append(line(n));
    expect(readdirSync(dir).sort()).toEqual(['shopdesk.1.log', 'shopdesk.2.log', 'shopdesk.log']);
    for (const path of log.paths()) expect(statSync(path).size).toBeLessThanOrEqual(1000);
    // 10 lines fill a file; 45 lines = 4 full files and 5 lines: the two oldest files are gone.
    const run = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
    expect(numbers(join(dir, 'shopdesk.2.log'))).toEqual(run(20, 30));
    expect(numbers(join(dir, 'shopdesk.1.log'))).toEqual(run(30, 40));
    expect(numbers(join(dir, 'shopdesk.log'))).toEqual(run(40, 45));
  });

  it('fills a file exactly to the limit (a line that fits goes in, the next one starts a new file)', () => {
    const dir = join(temp(), 'logs');
    const log = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 2 });
    for (let n = 0; n < 10; n++) log.append(line(n));
    expect(statSync(log.path).size).toBe(1000);
    expect(existsSync(join(dir, 'shopdesk.1.log'))).toBe(false);
    log.append(line(10));
    expect(numbers(join(dir, 'shopdesk.1.log'))).toHaveLength(10);
    expect(numbers(log.path)).toEqual([10]);
  });

  it('two writers on one folder (main and the core) rotate each generation once and lose no line', () => {
    const dir = join(temp(), 'logs');
    const main = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 5 });
    const core = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 5 });
    for (let n = 0; n < 30; n++) (n % 2 === 0 ? main : core).append(line(n));
    const all = [...main.paths()].reverse().flatMap(numbers);
    expect(all).toEqual(Array.from({ length: 30 }, (_, n) => n));
    for (const path of main.paths().filter(existsSync)) expect(statSync(path).size).toBeLessThanOrEqual(1000);
  });

  it('a line longer than the limit still goes in, alone in its file', () => {
    const dir = join(temp(), 'logs');
    const log = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 50, files: 2 });
    log.append('x'.repeat(80));
    log.append('y'.repeat(80));
    expect(readFileSync(log.path, 'utf8')).toBe(`${'y'.repeat(80)}\n`);
    expect(readFileSync(join(dir, 'shopdesk.1.log'), 'utf8')).toBe(`${'x'.repeat(80)}\n`);
  });

  it('never throws when the folder cannot be written, says so once, and writes again once it can', () => {
    const root = temp();
    const dir = join(root, 'logs');
    writeFileSync(dir, 'a file where the folder should be');
    const onFailure = vi.fn();
    const log = openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 2, onFailure });
    expect(() => log.append('one')).not.toThrow();
    expect(() => log.append('two')).not.toThrow();
    expect(onFailure).toHaveBeenCalledOnce();
    // The obstacle goes; the next line lands.
    rmSync(dir);
    mkdirSync(dir);
    log.append('three');
    expect(readFileSync(log.path, 'utf8')).toBe('three\n');
  });

  it('removes a rotation claim left by a crashed process, keeps one of a running process', () => {
    const dir = join(temp(), 'logs');
    mkdirSync(dir, { recursive: true });
    const dead = 'shopdesk.log.2147483646-1.rotating';
    const alive = `shopdesk.log.${process.pid}-1.rotating`;
    writeFileSync(join(dir, dead), 'old lines\n');
    writeFileSync(join(dir, alive), 'being rotated\n');
    openRotatingLogFile({ dir, baseName: 'shopdesk', maxBytes: 1000, files: 2 });
    expect(readdirSync(dir).sort()).toEqual([alive]);
  });
});
