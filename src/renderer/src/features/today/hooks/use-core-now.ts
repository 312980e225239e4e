import { useEffect, useMemo, useState } from 'react';

/**
 * "Now" on the core's clock, ticking once a second. `asOf` is the core's time in its last answer;
 * the browser's clock only measures how far we are past that answer, so moving the core's clock
 * (the harness) or a wrong computer clock does not skew the live timer. `skew` is the core's clock
 * minus the browser's.
 */
export function useCoreNow(asOf: string | undefined): { now: number; skew: number } {
  const skew = useMemo(() => (asOf === undefined ? 0 : Date.parse(asOf) - Date.now()), [asOf]);
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    setNow(Date.now() + skew);
    const timer = window.setInterval(() => setNow(Date.now() + skew), 1000);
    return () => window.clearInterval(timer);
  }, [skew]);
  return { now, skew };
}
