import { parseMessage, type Port, type Unsubscribe } from '../../shared/rpc/envelope';
import type { Core } from '../create-core';

/** Connects a transport port to the core: requests in, responses and events out. */
export function serveCore(core: Core, port: Port): Unsubscribe {
  const offMessage = port.onMessage((raw) => {
    const message = parseMessage(raw);
    if (message?.kind !== 'request') return;
    void core.handle(message).then((response) => port.send(response));
  });
  const offEvents = core.onEvent((event) => port.send(event));
  const offClose = port.onClose(() => {
    offMessage();
    offEvents();
  });
  return () => {
    offMessage();
    offEvents();
    offClose();
  };
}
