import { useSyncExternalStore } from 'react';
import type { RpcClient } from '../../../../../shared/rpc/client';
import { useHost } from '../../../app/host-context';
import type { Host } from '../../../app/transport';
import { useClient } from '../../../app/use-rpc';
import { createImportSession, type ImportSession, type ImportSessionState } from '../model/import-session';

// One session per connection: the drop layer and the screen share it, and it outlives the screen.
const sessions = new WeakMap<RpcClient, ImportSession>();

function sessionFor(client: RpcClient, host: Host): ImportSession {
  let session = sessions.get(client);
  if (!session) {
    session = createImportSession({
      client,
      // Desktop: the core reads the dropped file where it is; the browser harness uploads its bytes.
      pathForFile: host.kind === 'desktop' ? (file) => host.desktop.pathForFile(file) : undefined,
    });
    sessions.set(client, session);
  }
  return session;
}

/** The window's import session and its current state. */
export function useImportSession(): [ImportSessionState, ImportSession] {
  const session = sessionFor(useClient(), useHost());
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return [state, session];
}
