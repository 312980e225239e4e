/*
 * `npm start [-- args]`: builds the app and opens the desktop window (electron-vite preview).
 * Electron 45's npm package downloads its binary on first use; this does that download first, so
 * a machine without the binary (a fresh clone, a user behind a firewall) gets a short message in
 * Chinese and English naming what is missing and what to run, never a stack trace, and exit code 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DOWNLOAD_DISABLED_REASON, downloadDisabled, downloadFailureReason, downloadUrl, electronLocation, missingElectronMessage, type MissingElectron } from './electron-binary';

const require = createRequire(import.meta.url);
// Only the package's files: requiring 'electron' itself would start its own download and throw.
const electronDir = dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as { version: string };

/** The package's dist/ holds this version (install.js's own check, so a stale binary is replaced). */
const packageDistIsCurrent = (): boolean => {
  try {
    return readFileSync(join(electronDir, 'dist', 'version'), 'utf8').trim().replace(/^v/, '') === version;
  } catch {
    return false;
  }
};

const location = electronLocation(electronDir, process.env, process.platform);
const url = downloadUrl(version, process.env, process.platform, process.arch);
let downloadFailure: MissingElectron['downloadFailure'] = null;
// A binary the user points at (ELECTRON_EXEC_PATH, ELECTRON_OVERRIDE_DIST_PATH) is never downloaded over.
if (location.from === 'package' && !(existsSync(location.path) && packageDistIsCurrent())) {
  if (downloadDisabled(process.env)) {
    downloadFailure = { reason: DOWNLOAD_DISABLED_REASON, url };
  } else {
    process.stdout.write(`正在下载 Electron ${version} 运行环境（约 100 MB，只需一次）… / Downloading the Electron ${version} runtime (about 100 MB, once)…\n`);
    const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    if (download.status !== 0) downloadFailure = { reason: downloadFailureReason(download.stderr ?? '') || (download.error?.message ?? `exit ${download.status}`), url };
  }
}

if (downloadFailure !== null || !existsSync(location.path)) {
  process.stderr.write(missingElectronMessage({ version, location, platform: process.platform, arch: process.arch, downloadFailure }));
  process.exit(1);
}

const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const preview = spawn(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit',
  // electron-vite runs ELECTRON_EXEC_PATH; set, it honours ELECTRON_OVERRIDE_DIST_PATH as the electron package does.
  env: { ...process.env, ELECTRON_EXEC_PATH: location.path },
});
preview.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => preview.kill(signal));
