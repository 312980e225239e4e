import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './ts-child';

/*
 * A fresh `electron-vite build` laid out as electron-builder packages it, in a temporary folder
 * (never the repo's out/, so it cannot collide with another test or a developer's build):
 *   <root>/Program Files/ShopDesk 小店工作台/resources/app.asar/
 *                                         what the archive holds (a plain folder here; a space and
 *                                         Chinese in the path, as an install folder may have)
 *     package.json                        the repo's ("main": out/main/index.js, "type": "module")
 *     out/{main,preload,renderer}/        the build
 *     node_modules/<dependency>           one link per production dependency electron-builder ships
 * Each dependency links to the repo's node_modules; so a built file that imports a package the
 * package leaves out (devDependencies, electron-builder.config.cjs `!node_modules/…`) fails to
 * load here as it would in the installed app.
 */

export type BuiltApp = {
  root: string;
  /** resources/app.asar: the app's root inside the package. */
  appDir: string;
  out: string;
  remove(): void;
};

type Builder = { files: string[]; asarUnpack: string[] };
export const builderConfig = (): Builder => createRequire(import.meta.url)(join(REPO_ROOT, 'electron-builder.config.cjs')) as Builder;

/** Package names electron-builder.config.cjs keeps out of the package (`!node_modules/<name>/**`). */
export const excludedPackages = (): string[] =>
  builderConfig()
    .files.filter((p) => p.startsWith('!node_modules/'))
    .map((p) => p.slice('!node_modules/'.length).replace(/\/\*\*$/, ''));

export const productionDependencies = (): string[] =>
  Object.keys((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies);

export async function buildApp(): Promise<BuiltApp> {
  const root = mkdtempSync(join(tmpdir(), 'shopdesk-build-'));
  const appDir = join(root, 'Program Files', 'ShopDesk 小店工作台', 'resources', 'app.asar');
  const out = join(appDir, 'out');
  mkdirSync(appDir, { recursive: true });
  copyFileSync(join(REPO_ROOT, 'package.json'), join(appDir, 'package.json'));
  const excluded = excludedPackages();
  for (const name of productionDependencies().filter((n) => !excluded.includes(n))) {
    const link = join(appDir, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules', name), link, 'junction');
  }
  const cli = join(REPO_ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  try {
    await promisify(execFile)(process.execPath, [cli, 'build', '--outDir', out, '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, appDir, out, remove: () => rmSync(root, { recursive: true, force: true }) };
}
