import type { Logger } from '../core/log';
import type { RpcClient } from '../shared/rpc/client';

/** Away at least this long (system idle, or asleep) before the core is told; it applies the user's own threshold. */
export const AWAY_THRESHOLD_SECONDS = 60;
export const IDLE_POLL_MS = 15_000;

/** `awaySince`: when the current absence began (ms), or null while the user is at the computer. */
export type IdleState = { awaySince: number | null };
export type IdleSample = { kind: 'poll'; now: number; idleSeconds: number } | { kind: 'suspend'; now: number } | { kind: 'resume'; now: number };
export type IdleStep = { state: IdleState; report: { from: number; to: number } | null };

/**
 * Pure: what one observation means. Polls of the system idle time open an absence when the idle
 * time passes the threshold (it began `idleSeconds` ago) and close it when input comes back (it
 * ended when the idle time restarted). Sleep opens one at suspend and closes it at resume.
 */
export function observeIdle(state: IdleState, sample: IdleSample): IdleStep {
  if (sample.kind === 'suspend') return { state: { awaySince: state.awaySince ?? sample.now }, report: null };
  if (sample.kind === 'resume') {
    const from = state.awaySince;
    return { state: { awaySince: null }, report: from !== null && sample.now - from >= AWAY_THRESHOLD_SECONDS * 1000 ? { from, to: sample.now } : null };
  }
  const lastInput = sample.now - sample.idleSeconds * 1000;
  if (sample.idleSeconds >= AWAY_THRESHOLD_SECONDS) return { state: { awaySince: state.awaySince ?? lastInput }, report: null };
  if (state.awaySince === null) return { state, report: null };
  return { state: { awaySince: null }, report: lastInput - state.awaySince >= AWAY_THRESHOLD_SECONDS * 1000 ? { from: state.awaySince, to: lastInput } : null };
}

export type PowerMonitorLike = {
  getSystemIdleTime(): number;
  on(event: 'suspend' | 'resume', listener: () => void): unknown;
  removeListener(event: 'suspend' | 'resume', listener: () => void): unknown;
};

/**
 * The desktop's idle detection: system idle time and sleep, reported to the core as
 * `routine.reportIdle`. The core keeps it as a question only when a block ran for long enough of
 * it, and the window asks keep / discard / discard and stop; nothing is booked silently.
 */
export function startIdleWatch(deps: { powerMonitor: PowerMonitorLike; client: RpcClient; log: Logger; now?: () => number; pollMs?: number }): () => void {
  const now = deps.now ?? Date.now;
  let state: IdleState = { awaySince: null };
  const apply = (sample: IdleSample) => {
    const step = observeIdle(state, sample);
    state = step.state;
    if (!step.report) return;
    const { from, to } = step.report;
    deps.client
      .call('routine.reportIdle', { from: new Date(from).toISOString(), to: new Date(to).toISOString() })
      .catch((error: unknown) => deps.log.warn('could not report the time away', { detail: (error as Error).message }));
  };
  const poll = () => apply({ kind: 'poll', now: now(), idleSeconds: deps.powerMonitor.getSystemIdleTime() });
  const onSuspend = () => apply({ kind: 'suspend', now: now() });
  const onResume = () => apply({ kind: 'resume', now: now() });
  deps.powerMonitor.on('suspend', onSuspend);
  deps.powerMonitor.on('resume', onResume);
  const timer = setInterval(poll, deps.pollMs ?? IDLE_POLL_MS);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    deps.powerMonitor.removeListener('suspend', onSuspend);
    deps.powerMonitor.removeListener('resume', onResume);
  };
}
