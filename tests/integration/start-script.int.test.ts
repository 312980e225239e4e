import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadDisabled, downloadFailureReason, downloadUrl, electronLocation } from '../../scripts/electron-binary';
import { useTempDirs } from '../helpers/temp-dir';
import { PINNED_NODE, REPO_ROOT } from '../helpers/ts-child';

/*
 * `npm start` (scripts/start.ts) on a machine without the Electron binary: Electron 45's package
 * downloads it on first use; when that fails the user gets a short bilingual message naming what
 * is missing and what to run, and exit code 1 — never a stack trace. The download here goes to a
 * local server that answers 404 (never the internet), into an empty cache; with
 * ELECTRON_SKIP_BINARY_DOWNLOAD set none is tried.
 */

const tempDir = useTempDirs();
const ELECTRON_VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

let server: Server | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A mirror that has nothing: every request is answered 404 and recorded. */
async function emptyMirror(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.statusCode = 404;
    response.end('not here');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests };
}

/** The environment minus anything that would point Electron's download or binary elsewhere. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/electron/i.test(key) && !/proxy/i.test(key)) env[key] = value;
  return { ...env, ...extra };
}

/**
 * A checkout whose electron package is as npm installs it (no dist/ yet): the start script and
 * the electron package's files are copied, its downloader (@electron/get) links to the repo's.
 */
function freshCheckout(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'scripts'));
  for (const file of ['start.ts', 'electron-binary.ts']) copyFileSync(join(REPO_ROOT, 'scripts', file), join(dir, 'scripts', file));
  const electron = join(dir, 'node_modules', 'electron');
  mkdirSync(electron, { recursive: true });
  for (const file of ['package.json', 'index.js', 'install.js', 'checksums.json']) copyFileSync(join(REPO_ROOT, 'node_modules', 'electron', file), join(electron, file));
  for (const name of ['@electron']) symlinkSync(join(REPO_ROOT, 'node_modules', name), join(dir, 'node_modules', name), 'junction');
  return dir;
}

function runStart(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(PINNED_NODE, ['--import', 'tsx', script], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('npm start without the Electron binary', () => {
  it('tries the download once, then says in Chinese and English what is missing and what to run', async () => {
    const mirror = await emptyMirror();
    const checkout = freshCheckout();
    const result = await runStart(join(checkout, 'scripts', 'start.ts'), cleanEnv({ ELECTRON_MIRROR: mirror.url, electron_config_cache: tempDir() }));

    expect(result.code).toBe(1);
    expect(mirror.requests).toEqual([`/v${ELECTRON_VERSION}/electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`]);
    expect(result.stdout).toContain(`正在下载 Electron ${ELECTRON_VERSION}`);
    const message = result.stderr;
    expect(message).toContain(`小店工作台无法启动：找不到 Electron ${ELECTRON_VERSION} 运行环境`);
    expect(message).toContain(`ShopDesk cannot start: the Electron ${ELECTRON_VERSION} runtime is missing (${join(checkout, 'node_modules', 'electron', 'dist')}`);
    expect(message).toContain('Response code 404');
    expect(message).toContain(`${mirror.url}v${ELECTRON_VERSION}/`);
    expect(message).toMatch(/^ {2}npx install-electron$/m);
    expect(message).toContain('ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npx install-electron');
    expect(message).toContain('npm start');
    // No stack trace, no Node error dump.
    expect(message).not.toMatch(/^\s+at /m);
    expect(message).not.toContain('node:internal');
    expect(message.split('\n').length).toBeLessThan(20);
  });

  it('does not download when ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async () => {
    const mirror = await emptyMirror();
    const checkout = freshCheckout();
    const result = await runStart(join(checkout, 'scripts', 'start.ts'), cleanEnv({ ELECTRON_MIRROR: mirror.url, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }));

    expect(result.code).toBe(1);
    expect(mirror.requests).toEqual([]);
    expect(result.stdout).not.toContain('正在下载');
    expect(result.stderr).toContain('not downloaded: ELECTRON_SKIP_BINARY_DOWNLOAD is set');
    expect(result.stderr).toMatch(/^ {2}npx install-electron$/m);
  });

  it('names the variable when ELECTRON_OVERRIDE_DIST_PATH points at no Electron, without downloading', async () => {
    const mirror = await emptyMirror();
    const empty = tempDir();
    const result = await runStart(join(REPO_ROOT, 'scripts', 'start.ts'), cleanEnv({ ELECTRON_MIRROR: mirror.url, ELECTRON_OVERRIDE_DIST_PATH: empty }));

    expect(result.code).toBe(1);
    expect(mirror.requests).toEqual([]);
    expect(result.stderr).toContain(`the Electron ${ELECTRON_VERSION} runtime is missing (${join(empty, process.platform === 'win32' ? 'electron.exe' : 'electron')})`);
    expect(result.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH 指向的位置没有 Electron');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('where npm start looks for Electron', () => {
  it.each([
    [{}, 'linux', { path: '/pkg/dist/electron', from: 'package' }],
    [{}, 'win32', { path: join('/pkg', 'dist', 'electron.exe'), from: 'package' }],
    [{}, 'darwin', { path: join('/pkg', 'dist', 'Electron.app/Contents/MacOS/Electron'), from: 'package' }],
    [{ ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, 'linux', { path: '/opt/electron/electron', from: 'ELECTRON_OVERRIDE_DIST_PATH' }],
    [{ ELECTRON_EXEC_PATH: '/x/electron', ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }, 'linux', { path: '/x/electron', from: 'ELECTRON_EXEC_PATH' }],
  ] as const)('%j on %s', (env, platform, expected) => {
    expect(electronLocation('/pkg', env, platform)).toEqual(expected);
  });

  it('reports the download address @electron/get uses: npm config, then ELECTRON_MIRROR, else GitHub', () => {
    expect(downloadUrl('45.4.1', {}, 'linux', 'x64')).toBe('https://github.com/electron/electron/releases/download/v45.4.1/electron-v45.4.1-linux-x64.zip');
    expect(downloadUrl('45.4.1', { ELECTRON_MIRROR: 'https://m.example/e' }, 'win32', 'arm64')).toBe('https://m.example/e/v45.4.1/electron-v45.4.1-win32-arm64.zip');
    expect(downloadUrl('45.4.1', { ELECTRON_MIRROR: 'https://a/', npm_config_electron_mirror: 'https://b/' }, 'darwin', 'arm64')).toBe('https://b/v45.4.1/electron-v45.4.1-darwin-arm64.zip');
  });

  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['false', false],
    ['1', true],
    ['true', true],
  ])('ELECTRON_SKIP_BINARY_DOWNLOAD=%j disables the download: %s', (value, disabled) => {
    expect(downloadDisabled(value === undefined ? {} : { ELECTRON_SKIP_BINARY_DOWNLOAD: value })).toBe(disabled);
  });

  it('keeps one line of a failed download’s output, not its stack', () => {
    const stack = 'HTTPError: Response code 404 (Not Found) for http://x/y.zip\n    at FetchDownloader.download (file:///a.js:48:23)\n    at async b (file:///b.js:1:1)\n';
    expect(downloadFailureReason(stack)).toBe('HTTPError: Response code 404 (Not Found) for http://x/y.zip');
    expect(downloadFailureReason('')).toBe('');
  });
});
