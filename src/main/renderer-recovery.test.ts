import type { MessageBoxOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/log';
import { FakeBrowserWindow } from '../../tests/helpers/fake-electron';
import { MAIN_STRINGS } from './main-strings';
import { recoverRenderer, type RecoverableWindow } from './renderer-recovery';

/** A dialog whose every message box stays open until the test answers it (or its signal closes it). */
function fakeDialog() {
  const boxes: { options: MessageBoxOptions; answer(response: number): void }[] = [];
  const showMessageBox = vi.fn((_window: unknown, options: MessageBoxOptions) => {
    let answer!: (response: number) => void;
    const promise = new Promise<{ response: number; checkboxChecked: boolean }>((resolve) => (answer = (response) => resolve({ response, checkboxChecked: false })));
    options.signal?.addEventListener('abort', () => answer(options.cancelId ?? 0));
    boxes.push({ options, answer });
    return promise;
  });
  return { dialog: { showMessageBox } as never, boxes };
}

const flush = () => new Promise<void>((r) => queueMicrotask(r)).then(() => undefined);

function setup(options: { language?: 'zh-CN' | 'en-US'; quitting?: boolean } = {}) {
  const window = new FakeBrowserWindow({});
  const { dialog, boxes } = fakeDialog();
  const onPageEnded = vi.fn();
  const quit = vi.fn();
  let now = 0;
  recoverRenderer({
    window: window as unknown as RecoverableWindow,
    dialog,
    strings: () => MAIN_STRINGS[options.language ?? 'zh-CN'],
    onPageEnded,
    isQuitting: () => options.quitting ?? false,
    quit,
    log: silentLogger,
    now: () => now,
  });
  const crash = (reason = 'crashed') => window.webContents.emit('render-process-gone', {}, { reason, exitCode: 139 });
  return { window, boxes, onPageEnded, quit, crash, advance: (ms: number) => (now += ms) };
}

describe('recoverRenderer: a crashed page', () => {
  it('is reloaded and the user is told, in the app’s language', () => {
    const zh = setup();
    zh.crash('oom');
    expect(zh.onPageEnded).toHaveBeenCalledOnce();
    expect(zh.window.webContents.reload).toHaveBeenCalledOnce();
    expect(zh.boxes.map((b) => b.options)).toEqual([expect.objectContaining({ type: 'warning', title: '窗口页面意外关闭，已重新加载', detail: expect.stringContaining('已保存的数据不受影响') })]);
    const en = setup({ language: 'en-US' });
    en.crash();
    expect(en.boxes[0]?.options).toMatchObject({ title: 'The window stopped and was reloaded', buttons: ['OK'] });
  });

  it('in a window hidden in the tray: reloaded now, told when the window is shown', () => {
    const { window, boxes, crash } = setup();
    window.visible = false;
    crash();
    crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(2);
    expect(boxes).toHaveLength(0);
    window.visible = true;
    window.emit('show');
    window.emit('show');
    expect(boxes).toHaveLength(1);
  });

  it('that keeps crashing is no longer reloaded by itself: the user chooses reload or quit', async () => {
    const { window, boxes, crash, quit, advance } = setup();
    for (let i = 0; i < 3; i += 1) crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
    crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(3);
    const loop = boxes.at(-1)!;
    expect(loop.options).toMatchObject({ type: 'error', title: '窗口页面反复意外关闭', buttons: ['重新加载', '退出'] });
    loop.answer(0);
    await flush();
    expect(window.webContents.reload).toHaveBeenCalledTimes(4);
    crash();
    boxes.at(-1)!.answer(1);
    await flush();
    expect(quit).toHaveBeenCalledOnce();
    // A minute later the count starts again: a single crash is reloaded by itself.
    advance(60_001);
    crash();
    expect(window.webContents.reload).toHaveBeenCalledTimes(5);
  });

  it('is left alone while the app quits', () => {
    const { window, boxes, crash, onPageEnded } = setup({ quitting: true });
    crash('clean-exit');
    expect(onPageEnded).toHaveBeenCalledOnce();
    expect(window.webContents.reload).not.toHaveBeenCalled();
    expect(boxes).toHaveLength(0);
  });
});

describe('recoverRenderer: an unresponsive page', () => {
  it('asks reload or wait; reload ends the hung renderer, then reloads without a second notice', async () => {
    const { window, boxes, onPageEnded, crash } = setup();
    window.emit('unresponsive');
    window.emit('unresponsive');
    expect(boxes).toHaveLength(1);
    expect(boxes[0]?.options).toMatchObject({ title: '窗口页面没有响应', buttons: ['重新加载', '等待'], defaultId: 0, cancelId: 1 });
    boxes[0]!.answer(0);
    await flush();
    expect(onPageEnded).toHaveBeenCalledOnce();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalledOnce();
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    crash('killed'); // what forcefullyCrashRenderer causes
    expect(window.webContents.reload).toHaveBeenCalledOnce();
    expect(boxes).toHaveLength(1);
  });

  it('"wait" leaves the page as it is', async () => {
    const { window, boxes } = setup();
    window.emit('unresponsive');
    boxes[0]!.answer(1);
    await flush();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.webContents.reload).not.toHaveBeenCalled();
  });

  it('the question closes by itself when the page responds again, and comes back if it hangs again', async () => {
    const { window, boxes } = setup({ language: 'en-US' });
    window.emit('unresponsive');
    expect(boxes[0]?.options).toMatchObject({ title: 'The window is not responding', buttons: ['Reload', 'Wait'] });
    window.emit('responsive');
    await flush();
    expect(boxes[0]?.options.signal?.aborted).toBe(true);
    expect(window.webContents.reload).not.toHaveBeenCalled();
    window.emit('unresponsive');
    expect(boxes).toHaveLength(2);
  });
});
