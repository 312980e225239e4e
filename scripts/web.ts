/*
 * `npm run web [-- --port N --data-dir DIR]`: the browser harness for development and end-to-end
 * tests. Builds the renderer when out/renderer is missing, starts the core behind a token-guarded
 * WebSocket on 127.0.0.1 and prints the URL to open. Never part of the packaged app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../src/core/data-dir';
import { startWebHarness } from '../src/core/hosts/web-harness';
import { isAppError } from '../src/shared/errors';
import { dataFolderLockedText } from '../src/shared/i18n/data-folder-messages';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rendererDir = join(root, 'out', 'renderer');

const HELP = `小店工作台 浏览器测试环境 · ShopDesk browser harness

用法 / Usage: npm run web -- [--port N] [--data-dir DIR] [--build]

  --port N          监听 127.0.0.1 的端口，0 = 随机（默认 0）
                    Port on 127.0.0.1, 0 = random (default 0)
  --data-dir DIR    数据文件夹（默认：SHOPDESK_DATA_DIR 或系统用户数据文件夹）
                    Data folder (default: SHOPDESK_DATA_DIR or the OS user-data folder)
  --build           先重新构建界面（缺少 out/renderer 时总会构建）
                    Rebuild the renderer first (always done when out/renderer is missing)
  --help, -h        显示帮助 / Show this help

仅用于开发和端到端测试，不会打包进桌面应用。按 Ctrl-C 停止。
For development and end-to-end tests only; never in the desktop app. Stop with Ctrl-C.
`;

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    process.stderr.write(`端口无效 / invalid port: ${text}\n`);
    process.exit(2);
  }
  return port;
}

function buildRenderer(force: boolean): void {
  if (!force && existsSync(join(rendererDir, 'index.html'))) return;
  process.stdout.write('正在构建界面 / building the renderer (npx electron-vite build) …\n');
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || !existsSync(join(rendererDir, 'index.html'))) {
    process.stderr.write('界面构建失败 / building the renderer failed\n');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  let flags;
  try {
    ({ values: flags } = parseArgs({
      options: { port: { type: 'string' }, 'data-dir': { type: 'string' }, build: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`参数有误 / bad arguments: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (flags.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = parsePort(flags.port);
  const dataDir = resolveDataDir(flags['data-dir']);
  buildRenderer(flags.build === true);

  const harness = await startWebHarness({ dataDir, port, rendererDir });
  process.stdout.write(`数据文件夹 / data folder: ${dataDir}\n打开 / open: ${harness.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`强制退出 / forced exit (${signal})\n`);
      process.exit(130);
    }
    stopping = true;
    process.stdout.write('正在停止 / stopping …\n');
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`停止时出错 / error while stopping: ${(error as Error).message}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (isAppError(error) && error.code === 'DATA_FOLDER_LOCKED') {
    const holder = error.details?.holder;
    process.stderr.write(`${dataFolderLockedText(holder, 'zh-CN')} / ${dataFolderLockedText(holder, 'en-US')}\n`);
    process.exit(2);
  }
  process.stderr.write(`启动失败 / failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
