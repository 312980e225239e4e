import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ParamsOf, Settings } from '../../../shared/rpc/contract';
import { useRpcMutation, useRpcQuery } from './use-rpc';

export type SettingsPatch = ParamsOf<'settings.update'>;

type SettingsContextValue = {
  settings: Settings;
  /** Saves a change in the core (remembered); in recovery mode it only applies to this window. */
  update(patch: SettingsPatch): Promise<void>;
  isLoaded: boolean;
  loadError: unknown;
  reload(): void;
};

/** What the window uses before the core answered, and what the core itself defaults to. */
export const FALLBACK_SETTINGS: Settings = {
  language: 'zh-CN',
  theme: 'system',
  startAtLogin: false,
  startHidden: false,
  closeToTrayExplained: false,
};

const SettingsContext = createContext<SettingsContextValue | null>(null);

/**
 * Holds the user's preferences for the whole window and keeps them in sync with the core
 * (`settings.changed`, and after a restore, which brings back the backup's preferences).
 */
export function SettingsProvider({ isRecovery, children }: { isRecovery: boolean; children: ReactNode }) {
  const query = useRpcQuery('settings.get', {}, { refetchOn: ['settings.changed', 'backups.restored', 'app.statusChanged'] });
  const { mutate } = useRpcMutation('settings.update', { invalidates: { methods: ['settings.get'] } });
  // In recovery mode the database cannot store anything, yet the user may still switch language.
  const [local, setLocal] = useState<SettingsPatch>({});

  const update = useCallback(
    async (patch: SettingsPatch) => {
      if (isRecovery) {
        setLocal((l) => ({ ...l, ...patch }));
        return;
      }
      await mutate(patch);
    },
    [isRecovery, mutate],
  );

  const value = useMemo<SettingsContextValue>(
    () => ({
      settings: { ...FALLBACK_SETTINGS, ...query.data, ...(isRecovery ? local : {}) },
      update,
      isLoaded: query.data !== undefined,
      loadError: query.error,
      reload: query.refetch,
    }),
    [query.data, query.error, query.refetch, isRecovery, local, update],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings needs a <SettingsProvider>');
  return value;
}
