import { useEffect, useState } from 'react';
import type { Theme } from '../../../shared/rpc/contract';

export type ResolvedTheme = 'light' | 'dark';

/** The theme to paint: the stored choice, or the system's when the choice is "follow system". */
export const resolveTheme = (choice: Theme, systemIsDark: boolean): ResolvedTheme =>
  choice === 'system' ? (systemIsDark ? 'dark' : 'light') : choice;

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Whether the OS asks for dark mode, kept live as the user switches it. */
export function useSystemDark(): boolean {
  const [isDark, setIsDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const update = () => setIsDark(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return isDark;
}
