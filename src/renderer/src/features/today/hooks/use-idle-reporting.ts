import { useEffect, useRef } from 'react';
import { useClient } from '../../../app/use-rpc';

/** Absences shorter than this are not worth a round trip; the core applies the user's threshold. */
const MIN_AWAY_MS = 60_000;

/**
 * In the browser a hidden page is the sign of being away. Both ends of the stretch are on the
 * core's clock (the one the timer books on; the harness moves it): the start from the clock skew
 * known when the page was hidden, the end asked from the core when it is shown again. The stretch
 * is reported while a block runs; the core keeps it as a question when it was long enough, and
 * the Today screen then asks keep / discard / discard and stop.
 */
export function useIdleReporting(isRunning: boolean, coreSkewMs: number): void {
  const client = useClient();
  const hiddenAt = useRef<number | null>(null);
  const latest = useRef({ isRunning, coreSkewMs });
  useEffect(() => {
    latest.current = { isRunning, coreSkewMs };
  });

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt.current = Date.now() + latest.current.coreSkewMs;
        return;
      }
      const start = hiddenAt.current;
      hiddenAt.current = null;
      if (start === null || !latest.current.isRunning) return;
      void client
        .call('app.status', {})
        .then(async (status) => {
          const end = Date.parse(status.now);
          if (end - start < MIN_AWAY_MS) return;
          await client.call('routine.reportIdle', { from: new Date(start).toISOString(), to: new Date(end).toISOString() });
        })
        .catch((error: unknown) => console.error('could not report the time away', error));
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [client]);
}
