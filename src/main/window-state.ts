import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export type Rectangle = { x: number; y: number; width: number; height: number };
export type WindowState = Rectangle & { isMaximized: boolean };

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
/** How much of the window must lie on a display for its remembered place to be kept. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const length = z.number().int().min(1).max(100_000);
const windowStateSchema = z.object({ x: coordinate, y: coordinate, width: length, height: length, isMaximized: z.boolean() });

/** The remembered state, or null when the file is missing, damaged or hand-edited into nonsense. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const overlap = (a: Rectangle, b: Rectangle) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

const centredOn = (area: Rectangle, isMaximized: boolean): WindowState => {
  const width = Math.min(DEFAULT_WINDOW_SIZE.width, area.width);
  const height = Math.min(DEFAULT_WINDOW_SIZE.height, area.height);
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
    isMaximized,
  };
};

/**
 * Where the window opens: the remembered place if enough of it is on a display that is still
 * connected (size and position then clamped into that display's work area), else centred on the
 * primary display. Pure, so unplugged monitors and odd layouts are tested with plain numbers.
 */
export function fitToDisplays(state: WindowState | null, workAreas: readonly Rectangle[], primary: Rectangle): WindowState {
  if (state === null) return centredOn(primary, false);
  let best: { area: Rectangle; size: number } | null = null;
  for (const area of workAreas) {
    const o = overlap(state, area);
    if (o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height) {
      const size = o.width * o.height;
      if (best === null || size > best.size) best = { area, size };
    }
  }
  if (best === null) return centredOn(primary, state.isMaximized);
  const { area } = best;
  const width = clamp(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width);
  const height = clamp(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height);
  return {
    x: clamp(state.x, area.x, area.x + area.width - width),
    y: clamp(state.y, area.y, area.y + area.height - height),
    width,
    height,
    isMaximized: state.isMaximized,
  };
}

/** Reads the remembered state from the user-data folder (null when there is none worth using). */
export async function loadWindowState(folder: string): Promise<WindowState | null> {
  const text = await readFile(join(folder, WINDOW_STATE_FILE), 'utf8').catch(() => null);
  return parseWindowState(text);
}

export type WindowStateFs = {
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
};

const nodeFs: WindowStateFs = { writeFile, rename };
/** The save running (or last run) per folder; the next save waits for it. */
const saving = new Map<string, Promise<void>>();

/**
 * Writes the state through a temporary file and a rename, so a crash never leaves half a file.
 * Saves to one folder run one after another (closing the window and quitting both save): two
 * saves sharing the temporary file at once would rename it away under each other, and the last
 * state asked for is the one that stays.
 */
export function saveWindowState(folder: string, state: WindowState, fs: WindowStateFs = nodeFs): Promise<void> {
  const file = join(folder, WINDOW_STATE_FILE);
  const temporary = `${file}.tmp`;
  const write = async () => {
    await fs.writeFile(temporary, `${JSON.stringify(state)}\n`, 'utf8');
    await fs.rename(temporary, file);
  };
  const previous = saving.get(folder) ?? Promise.resolve();
  // A failed save is reported to its own caller and does not stop the next one.
  const current = previous.catch(() => {}).then(write);
  saving.set(folder, current);
  const forget = () => {
    if (saving.get(folder) === current) saving.delete(folder);
  };
  current.then(forget, forget);
  return current;
}

/** Resolves once every save asked for so far in `folder` has ended (a failed one included). */
export function windowStateSaved(folder: string): Promise<void> {
  return (saving.get(folder) ?? Promise.resolve()).catch(() => {});
}
