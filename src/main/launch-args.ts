/** What the command line says about this launch. */
export type LaunchArgs = {
  /** `--data-dir DIR` or `--data-dir=DIR`; undefined when absent or empty. */
  dataDir: string | undefined;
  /** `--hidden`: started at login, so stay in the tray without showing the window. */
  hidden: boolean;
};

export const HIDDEN_FLAG = '--hidden';
const DATA_DIR_FLAG = '--data-dir';

/** Reads the app's own flags from argv and ignores everything else (Chromium's switches, paths). */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  let dataDir: string | undefined;
  let hidden = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === HIDDEN_FLAG) hidden = true;
    else if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        dataDir = next;
        i += 1;
      }
    } else if (arg?.startsWith(`${DATA_DIR_FLAG}=`)) {
      dataDir = arg.slice(DATA_DIR_FLAG.length + 1);
    }
  }
  return { dataDir: dataDir === '' ? undefined : dataDir, hidden };
}
