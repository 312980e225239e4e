import { describe, expect, it, vi } from 'vitest';
import { createCloseToTrayHandler, type CloseToTrayDeps } from './close-to-tray';

const tick = () => new Promise((r) => setTimeout(r, 0));

function setup(overrides: Partial<CloseToTrayDeps> = {}) {
  const deps = {
    isQuitting: vi.fn(() => false),
    hide: vi.fn(),
    wasExplained: vi.fn((): boolean | null => false),
    explain: vi.fn(async () => {}),
    markExplained: vi.fn(async () => {}),
    onError: vi.fn(),
    ...overrides,
  };
  return { deps, onClose: createCloseToTrayHandler(deps) };
}
const closeEvent = () => ({ preventDefault: vi.fn() });

describe('createCloseToTrayHandler', () => {
  it('hides instead of closing and explains once, then records it', async () => {
    const { deps, onClose } = setup();
    const first = closeEvent();
    onClose(first);
    onClose(closeEvent());
    await tick();
    expect(first.preventDefault).toHaveBeenCalled();
    expect(deps.hide).toHaveBeenCalledTimes(2);
    expect(deps.explain).toHaveBeenCalledOnce();
    expect(deps.markExplained).toHaveBeenCalledOnce();
  });

  it('does not explain again when the setting says it was explained, or while it is unknown', async () => {
    for (const value of [true, null]) {
      const { deps, onClose } = setup({ wasExplained: () => value });
      onClose(closeEvent());
      await tick();
      expect(deps.hide).toHaveBeenCalledOnce();
      expect(deps.explain).not.toHaveBeenCalled();
    }
  });

  it('lets the window close while quitting', () => {
    const { deps, onClose } = setup({ isQuitting: () => true });
    const event = closeEvent();
    onClose(event);
    expect(event.preventDefault).not.toHaveBeenCalled();
    expect(deps.hide).not.toHaveBeenCalled();
  });

  it('reports a failed save and still explains only once in this run', async () => {
    const error = new Error('RECOVERY_MODE');
    const { deps, onClose } = setup({ markExplained: vi.fn(async () => Promise.reject(error)) });
    onClose(closeEvent());
    await tick();
    onClose(closeEvent());
    await tick();
    expect(deps.onError).toHaveBeenCalledWith(error);
    expect(deps.explain).toHaveBeenCalledOnce();
  });
});
