import { createContext, useContext } from 'react';
import type { AppStatus } from '../../../shared/rpc/contract';

export const StatusContext = createContext<AppStatus | null>(null);

/** The core's latest `app.status` (mode, versions, data folder). */
export function useAppStatus(): AppStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useAppStatus needs the status loaded by <App>');
  return status;
}
