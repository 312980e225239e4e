import { createContext, useContext } from 'react';
import type { Host } from './transport';

export const HostContext = createContext<Host>({ kind: 'browser' });

/** Desktop (with native actions such as opening the data folder) or the browser harness. */
export const useHost = (): Host => useContext(HostContext);
