import { join } from 'node:path';

/*
 * Where `npm start` finds the Electron binary, and what it says when there is none. Pure: the
 * file system and the download are in scripts/start.ts. The rules follow the electron package's
 * own index.js / install.js (Electron 45 downloads its binary lazily, on first use) and
 * electron-vite's preview, which runs ELECTRON_EXEC_PATH when set.
 */

/** The executable inside an unpacked Electron zip (electron's install.js getPlatformPath). */
export function electronExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export type ElectronLocation = {
  path: string;
  /** Who decided the path: the user's variable, or the electron package's own dist/ folder. */
  from: 'ELECTRON_EXEC_PATH' | 'ELECTRON_OVERRIDE_DIST_PATH' | 'package';
};

/** The binary `npm start` runs: ELECTRON_EXEC_PATH, else ELECTRON_OVERRIDE_DIST_PATH, else node_modules/electron/dist. */
export function electronLocation(electronDir: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): ElectronLocation {
  if (env.ELECTRON_EXEC_PATH) return { path: env.ELECTRON_EXEC_PATH, from: 'ELECTRON_EXEC_PATH' };
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return { path: join(env.ELECTRON_OVERRIDE_DIST_PATH, electronExecutable(platform)), from: 'ELECTRON_OVERRIDE_DIST_PATH' };
  return { path: join(electronDir, 'dist', electronExecutable(platform)), from: 'package' };
}

/** A mirror reachable from mainland China (the npmmirror copy of Electron's GitHub releases). */
export const CHINA_MIRROR = 'https://npmmirror.com/mirrors/electron/';

/**
 * Where the download comes from, read as @electron/get reads it (npm config first, then
 * ELECTRON_MIRROR, else Electron's GitHub releases), so the message names the address that failed.
 */
export function downloadUrl(version: string, env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform, arch: string): string {
  const mirror =
    env.npm_config_electron_mirror ?? env.NPM_CONFIG_ELECTRON_MIRROR ?? env.npm_package_config_electron_mirror ?? env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  return `${mirror.endsWith('/') ? mirror : `${mirror}/`}v${version}/electron-v${version}-${platform}-${arch}.zip`;
}

/** ELECTRON_SKIP_BINARY_DOWNLOAD set (as CI does): the user asked for no download, so none is tried. */
export const downloadDisabled = (env: Readonly<Record<string, string | undefined>>): boolean =>
  env.ELECTRON_SKIP_BINARY_DOWNLOAD !== undefined && !['', '0', 'false'].includes(env.ELECTRON_SKIP_BINARY_DOWNLOAD.toLowerCase());

export const DOWNLOAD_DISABLED_REASON = '设置了 ELECTRON_SKIP_BINARY_DOWNLOAD，没有下载 / not downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD is set';

const NETWORK_ERROR = /fetch failed|ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|socket hang up/i;

/** The one line worth showing from a failed download's output (install.js prints a whole stack). */
export function downloadFailureReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('at '));
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

export type MissingElectron = {
  version: string;
  location: ElectronLocation;
  platform: NodeJS.Platform;
  arch: string;
  /** Why the automatic download failed and from where; null when none was tried (the path came from a variable). */
  downloadFailure: { reason: string; url: string } | null;
};

/** What `npm start` prints when there is no Electron to run: what is missing and what to run, in both languages. */
export function missingElectronMessage(m: MissingElectron): string {
  const zip = `electron-v${m.version}-${m.platform}-${m.arch}.zip`;
  const setMirror = m.platform === 'win32' ? `$env:ELECTRON_MIRROR="${CHINA_MIRROR}"; npx install-electron` : `ELECTRON_MIRROR=${CHINA_MIRROR} npx install-electron`;
  const lines = [
    `小店工作台无法启动：找不到 Electron ${m.version} 运行环境（${m.location.path}）。`,
    `ShopDesk cannot start: the Electron ${m.version} runtime is missing (${m.location.path}).`,
  ];
  if (m.location.from !== 'package') {
    lines.push(`  ${m.location.from} 指向的位置没有 Electron；请改正或删除这个环境变量。`, `  ${m.location.from} points at no Electron; correct it or unset it.`);
  } else {
    lines.push(
      `自动下载失败 / The automatic download failed: ${m.downloadFailure?.reason ?? '?'}`,
      ...(NETWORK_ERROR.test(m.downloadFailure?.reason ?? '') ? ['  连不上下载地址 / the download address could not be reached:'] : []),
      `  (${m.downloadFailure?.url ?? '?'})`,
      '',
      '请运行 / Run:',
      '  npx install-electron',
      '网络受限（防火墙、公司网络）时，通过镜像下载 / Behind a firewall, download through a mirror:',
      `  ${setMirror}`,
      `或者手动下载 ${zip}（${CHINA_MIRROR}v${m.version}/），解压后设置 ELECTRON_OVERRIDE_DIST_PATH 为解压的文件夹。`,
      `Or download ${zip} yourself (${CHINA_MIRROR}v${m.version}/), unzip it and set ELECTRON_OVERRIDE_DIST_PATH to that folder.`,
    );
  }
  lines.push('然后再运行 / Then run again:  npm start');
  return `${lines.join('\n')}\n`;
}
