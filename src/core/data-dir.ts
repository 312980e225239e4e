import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_FOLDER_NAME = 'ShopDesk';

/**
 * The OS user-data folder, the same one Electron's app.getPath('userData') gives for this app,
 * so the desktop app, the CLI and the harness find the same database by default.
 */
export function osUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_FOLDER_NAME);
}

/** `--data-dir` wins, then SHOPDESK_DATA_DIR, then the OS user-data folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag);
  if (env.SHOPDESK_DATA_DIR) return resolve(env.SHOPDESK_DATA_DIR);
  return osUserDataDir(process.platform, env);
}
