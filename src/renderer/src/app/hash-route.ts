import { useCallback, useEffect, useState } from 'react';

/**
 * The screen id a `#/<id>` hash names, or the fallback for an empty or unknown hash. Hash routes
 * work the same from the harness's http:// and the desktop app's custom protocol.
 */
export function screenIdFromHash(hash: string, ids: readonly string[], fallback: string): string {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return ids.includes(id) ? id : fallback;
}

/** `#/<id>`, or `#/<id>?name=value…` with parameters a screen reads (`#/suppliers?supplier=12`). */
export function hashForScreen(id: string, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(params).toString();
  return query ? `#/${id}?${query}` : `#/${id}`;
}

/** A parameter of the hash's `?…` part, or null. */
export function hashParam(hash: string, name: string): string | null {
  const start = hash.indexOf('?');
  return start < 0 ? null : new URLSearchParams(hash.slice(start + 1)).get(name);
}

/** A hash parameter of the current address, kept current as the hash changes (deep links into a screen). */
export function useHashParam(name: string): string | null {
  const [value, setValue] = useState(() => hashParam(window.location.hash, name));
  useEffect(() => {
    const onChange = () => setValue(hashParam(window.location.hash, name));
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, [name]);
  return value;
}

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
