import { useCallback, useEffect, useState } from 'react';

/**
 * The screen id a `#/<id>` hash names, or the fallback for an empty or unknown hash. Hash routes
 * work the same from the harness's http:// and the desktop app's custom protocol.
 */
export function screenIdFromHash(hash: string, ids: readonly string[], fallback: string): string {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return ids.includes(id) ? id : fallback;
}

export const hashForScreen = (id: string): string => `#/${id}`;

/** The current screen from `location.hash`, and a way to go to another. */
export function useHashRoute(ids: readonly string[], fallback: string): [string, (id: string) => void] {
  const read = useCallback(() => screenIdFromHash(window.location.hash, ids, fallback), [ids, fallback]);
  const [current, setCurrent] = useState(read);
  useEffect(() => {
    const onChange = () => setCurrent(read());
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [read]);
  const navigate = useCallback((id: string) => {
    window.location.hash = hashForScreen(id);
  }, []);
  return [current, navigate];
}
