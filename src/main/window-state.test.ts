import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitToDisplays, loadWindowState, parseWindowState, saveWindowState, WINDOW_STATE_FILE, windowStateSaved, type WindowState, type WindowStateFs } from './window-state';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT = { x: 1920, y: 0, width: 1280, height: 984 };
const state = (s: Partial<WindowState>): WindowState => ({ x: 100, y: 100, width: 1280, height: 800, isMaximized: false, ...s });

describe('parseWindowState', () => {
  it.each([
    [null, null],
    ['', null],
    ['{', null],
    ['[]', null],
    ['{"x":1,"y":2,"width":800,"height":600}', null],
    ['{"x":1.5,"y":2,"width":800,"height":600,"isMaximized":false}', null],
    ['{"x":1,"y":2,"width":0,"height":600,"isMaximized":false}', null],
    ['{"x":"1","y":2,"width":800,"height":600,"isMaximized":false}', null],
    ['{"x":1e9,"y":2,"width":800,"height":600,"isMaximized":false}', null],
    ['{"x":-5,"y":2,"width":800,"height":600,"isMaximized":true}', { x: -5, y: 2, width: 800, height: 600, isMaximized: true }],
  ])('%s', (text, expected) => {
    expect(parseWindowState(text)).toEqual(expected);
  });
});

describe('fitToDisplays', () => {
  it('centres the default size on the primary display when nothing is remembered', () => {
    expect(fitToDisplays(null, [PRIMARY], PRIMARY)).toEqual({ x: 320, y: 120, width: 1280, height: 800, isMaximized: false });
  });

  it('keeps a remembered place that is on a display', () => {
    expect(fitToDisplays(state({ x: 2000, y: 50, width: 1000, height: 700 }), [PRIMARY, RIGHT], PRIMARY)).toEqual(state({ x: 2000, y: 50, width: 1000, height: 700 }));
  });

  it('recentres a window whose display was unplugged, keeping maximized', () => {
    expect(fitToDisplays(state({ x: 2500, y: 100, isMaximized: true }), [PRIMARY], PRIMARY)).toEqual({ x: 320, y: 120, width: 1280, height: 800, isMaximized: true });
  });

  it('recentres a window that only peeks onto a display', () => {
    expect(fitToDisplays(state({ x: 1900, y: 100 }), [PRIMARY], PRIMARY)).toMatchObject({ x: 320, y: 120 });
  });

  it('pulls a half-visible window fully onto its display and shrinks an oversized one', () => {
    expect(fitToDisplays(state({ x: 1000, y: -200 }), [PRIMARY], PRIMARY)).toEqual(state({ x: 640, y: 0 }));
    expect(fitToDisplays(state({ x: 0, y: 0, width: 5000, height: 3000 }), [PRIMARY], PRIMARY)).toEqual(state({ x: 0, y: 0, width: 1920, height: 1040 }));
  });

  it('grows a window smaller than the minimum size and fits tiny displays', () => {
    expect(fitToDisplays(state({ x: 10, y: 10, width: 300, height: 200 }), [PRIMARY], PRIMARY)).toEqual(state({ x: 10, y: 10, width: 960, height: 600 }));
    const tiny = { x: 0, y: 0, width: 800, height: 560 };
    expect(fitToDisplays(state({ x: 0, y: 0 }), [tiny], tiny)).toEqual(state({ x: 0, y: 0, width: 800, height: 560 }));
  });
});

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through a small JSON file and ignores a damaged one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopdesk-window-'));
    try {
      expect(await loadWindowState(dir)).toBeNull();
      await saveWindowState(dir, state({ isMaximized: true }));
      expect(JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state({ isMaximized: true }));
      expect(await loadWindowState(dir)).toEqual(state({ isMaximized: true }));
      writeFileSync(join(dir, WINDOW_STATE_FILE), '{"x": "oops"');
      expect(await loadWindowState(dir)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** An in-memory folder with real rename semantics (a missing source fails with ENOENT). */
function memoryFs() {
  const files = new Map<string, string>();
  const log: string[] = [];
  const fs: WindowStateFs = {
    async writeFile(path, data) {
      log.push(`write ${path}`);
      await Promise.resolve();
      files.set(path, data);
    },
    async rename(from, to) {
      log.push(`rename ${from}`);
      await Promise.resolve();
      const data = files.get(from);
      if (data === undefined) throw Object.assign(new Error(`ENOENT: rename '${from}'`), { code: 'ENOENT' });
      files.delete(from);
      files.set(to, data);
    },
  };
  return { fs, files, log };
}

describe('saveWindowState: concurrent saves', () => {
  it('two saves at once both succeed, one after the other, and the later state stays', async () => {
    const { fs, files, log } = memoryFs();
    await Promise.all([saveWindowState('/d', state({ x: 1 }), fs), saveWindowState('/d', state({ x: 2 }), fs)]);
    const file = join('/d', WINDOW_STATE_FILE);
    expect(log).toEqual([`write ${file}.tmp`, `rename ${file}.tmp`, `write ${file}.tmp`, `rename ${file}.tmp`]);
    expect(JSON.parse(files.get(file)!)).toEqual(state({ x: 2 }));
    expect([...files.keys()]).toEqual([file]);
  });

  it('a failed save is reported to its caller and the next save still runs', async () => {
    const { fs, files } = memoryFs();
    const failing: WindowStateFs = { ...fs, writeFile: async () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const first = saveWindowState('/e', state({ x: 1 }), failing);
    const second = saveWindowState('/e', state({ x: 2 }), fs);
    await expect(first).rejects.toThrow('ENOSPC');
    await second;
    expect(JSON.parse(files.get(join('/e', WINDOW_STATE_FILE))!)).toEqual(state({ x: 2 }));
  });

  it('windowStateSaved resolves once every save asked for so far has ended, failed ones included', async () => {
    const { fs, files } = memoryFs();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gated: WindowStateFs = { ...fs, writeFile: async (path, data, encoding) => (await gate, fs.writeFile(path, data, encoding)) };
    const failing: WindowStateFs = { ...fs, writeFile: async () => Promise.reject(new Error('EIO')) };
    await windowStateSaved('/f');
    void saveWindowState('/f', state({ x: 1 }), gated);
    saveWindowState('/f', state({ x: 3 }), failing).catch(() => {});
    void saveWindowState('/f', state({ x: 2 }), fs);
    let saved = false;
    const waiting = windowStateSaved('/f').then(() => (saved = true));
    await Promise.resolve();
    expect(saved).toBe(false);
    release();
    await waiting;
    expect(JSON.parse(files.get(join('/f', WINDOW_STATE_FILE))!)).toEqual(state({ x: 2 }));
  });
});
