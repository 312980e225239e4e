import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';

/** The part of an IPC event the sender check reads (a WebFrameMain, or null once it is gone). */
export type SenderFrameLike = { readonly url: string; readonly parent: unknown } | null | undefined;

/**
 * `scheme://host[:port]` of a URL, or null. Built by hand because the WHATWG parser reports the
 * origin of a non-special scheme such as `app:` as the string "null".
 */
export function originOf(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.host === '' ? null : `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

/**
 * True only for the top frame of a page from a trusted origin. An iframe (parent ≠ null), a frame
 * that has navigated away or been destroyed (null), or any other origin is refused.
 */
export function isTrustedSender(frame: SenderFrameLike, trustedOrigins: readonly string[]): boolean {
  try {
    if (frame === null || frame === undefined || frame.parent !== null) return false;
    const origin = originOf(frame.url);
    return origin !== null && trustedOrigins.includes(origin);
  } catch {
    // Reading a disposed WebFrameMain throws; a sender we cannot inspect is not trusted.
    return false;
  }
}

type SenderEvent = { readonly senderFrame: SenderFrameLike };

export type IpcRegistry = {
  /** A fire-and-forget channel; `parse` returns null for a payload that is not acceptable. */
  on<T>(channel: string, parse: (raw: unknown) => T | null, listener: (event: IpcMainEvent, payload: T) => void): void;
  /** An invoke channel whose arguments (as a tuple) are checked with a zod schema. */
  handle<S extends z.ZodType>(channel: string, argsSchema: S, handler: (event: IpcMainInvokeEvent, args: z.output<S>) => unknown): void;
};

export type IpcRegistryOptions = {
  trustedOrigins: readonly string[];
  /** Told about every refused message (no payload contents: they may hold personal data). */
  onRejected?: (channel: string, reason: 'sender' | 'payload') => void;
};

/**
 * The only way main listens to the renderer. Every message first passes the sender check, then
 * its payload is validated; only then does the listener run. Nothing calls ipcMain directly.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'on' | 'handle'>, options: IpcRegistryOptions): IpcRegistry {
  const reject = (channel: string, reason: 'sender' | 'payload') => options.onRejected?.(channel, reason);
  const trusted = (event: SenderEvent) => isTrustedSender(event.senderFrame, options.trustedOrigins);

  return {
    on(channel, parse, listener) {
      ipcMain.on(channel, (event, ...args: unknown[]) => {
        if (!trusted(event)) return reject(channel, 'sender');
        const payload = args.length === 1 ? parse(args[0]) : null;
        if (payload === null) return reject(channel, 'payload');
        listener(event, payload);
      });
    },
    handle(channel, argsSchema, handler) {
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        if (!trusted(event)) {
          reject(channel, 'sender');
          throw new Error('forbidden sender');
        }
        const parsed = argsSchema.safeParse(args);
        if (!parsed.success) {
          reject(channel, 'payload');
          throw new Error('invalid arguments');
        }
        return handler(event, parsed.data);
      });
    },
  };
}
