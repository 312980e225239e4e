import type { PreloadBridge } from '../../shared/preload-bridge';

declare global {
  interface Window {
    /** Set by the desktop preload; absent in the browser harness. */
    appBridge?: PreloadBridge;
  }
}

export {};
