import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreProcessArgs, coreProcessEnv, SHUTDOWN_MESSAGE } from '../../src/main/core-control';
import { utilityProcessPort } from '../../src/main/utility-port';
import { createClient, type RpcClient } from '../../src/shared/rpc/client';
import { META_CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';
import type { ImportRunOutcome } from '../../src/shared/rpc/contract';
import { buildApp, builderConfig, excludedPackages, productionDependencies, type BuiltApp } from '../helpers/built-app';
import { useTempDirs } from '../helpers/temp-dir';
import { REPO_ROOT } from '../helpers/ts-child';
import { forkUtilityProcess, type UtilityProcessStandIn } from '../helpers/utility-process';

/*
 * What users install is what these tests start. beforeAll runs `electron-vite build` into a
 * temporary folder laid out as the package (tests/helpers/built-app.ts: resources/app.asar/ with
 * package.json, out/ and the shipped dependencies), then:
 * - the built core-process.js runs as utilityProcess.fork runs it (the pinned Node 22 that
 *   Electron 45 embeds, `process.parentPort`, `--data-dir`) and answers real requests, including
 *   an import that loads the built import worker;
 * - the built main (out/main/index.js) runs in plain Node with a stand-in `electron` module and
 *   starts that core from the path the package holds;
 * - every external import of the main bundles loads in plain Node's ES module loader;
 * - the files main and the core compute (worker, native module) are where electron-builder puts them.
 */

let app: BuiltApp;
beforeAll(async () => {
  app = await buildApp();
}, 120_000);
afterAll(() => app?.remove());

const tempDir = useTempDirs();
const FIXTURES = fileURLToPath(new URL('../fixtures/douyin/', import.meta.url));
const out = (...parts: string[]) => join(app.out, ...parts);

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
const read = (file: string) => readFileSync(file, 'utf8');
const code = (dir: string) => files(join(app.out, dir)).filter((f) => /\.(c|m)?js$/.test(f));

/** Every module specifier a built file imports or requires. */
const specifiers = (source: string): string[] => {
  const found = new Set<string>();
  const patterns = [/\bimport\s+(?:[\w*{}\s,$]+\s+from\s+)?["']([^"']+)["']/g, /\bimport\(\s*["']([^"']+)["']\s*\)/g, /\brequire\(\s*["']([^"']+)["']\s*\)/g, /\bexport\s+[\w*{}\s,$]+\s+from\s+["']([^"']+)["']/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) if (match[1]) found.add(match[1]);
  return [...found];
};
const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? ''));
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(specifier);
const isPackage = (specifier: string) => !specifier.startsWith('.') && !specifier.startsWith('/') && !isBuiltin(specifier) && specifier !== 'electron';

/** The top-level import statements of a built ES module that name a package, verbatim. */
const packageImports = (source: string): string[] =>
  [...source.matchAll(/^(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?"([^"]+)"(?:\s+with\s+\{[^}]*\})?;?$/gm)].filter((m) => isPackage(m[1] ?? '')).map((m) => m[0]);

describe('the build (fresh, in a temporary folder)', () => {
  it('has the three builds, the import worker and the icons', () => {
    for (const file of ['main/index.js', 'main/core-process.js', 'main/import-worker.js', 'preload/index.cjs', 'renderer/index.html', 'main/icons/tray-icon.png', 'main/icons/tray-icon@2x.png', 'main/icons/icon.png']) {
      expect(existsSync(out(file)), file).toBe(true);
    }
  });

  it('contains no trace of the browser harness or the ws package', () => {
    for (const file of files(app.out).filter((f) => /\.(c|m)?js$|\.html$/.test(f))) {
      const text = read(file);
      const name = relative(app.out, file);
      expect(text, name).not.toContain('WebSocketServer');
      expect(text, name).not.toMatch(/core\/hosts\/|web-harness|harness-guards/);
      expect(text, name).not.toContain('node_modules/ws');
      expect(specifiers(text).map(packageOf), name).not.toContain('ws');
    }
  });

  it('the preload is one CommonJS file that requires only electron', () => {
    const preload = files(out('preload'));
    expect(preload.map((f) => relative(app.out, f))).toEqual(['preload/index.cjs']);
    const text = read(out('preload', 'index.cjs'));
    expect(specifiers(text)).toEqual(['electron']);
    expect(text).not.toMatch(/^\s*(import|export)\s/m);
    expect(text).toContain('exposeInMainWorld("appBridge"');
  });

  it('main imports only node built-ins, electron and production dependencies that get packaged', () => {
    const dependencies = productionDependencies();
    const excluded = excludedPackages();
    for (const file of code('main')) {
      for (const specifier of specifiers(read(file)).filter(isPackage)) {
        const name = packageOf(specifier);
        expect(dependencies, `${relative(app.out, file)} imports ${specifier}`).toContain(name);
        expect(excluded.some((e) => name === e || name.startsWith(`${e}/`)), `${name} is excluded from the package`).toBe(false);
      }
    }
  });

  it('every package import of main, the core and the import worker loads in plain Node 22 as written', async () => {
    // One probe module per built file, next to it (same resolution), holding that file's package
    // imports verbatim: a JSON file without its attribute, a named import from a CommonJS-only
    // package or a package left out of the app fails here as it would in Electron's Node.
    const probes: { file: string; probe: string }[] = [];
    for (const file of code('main')) {
      const imports = packageImports(read(file));
      if (imports.length === 0) continue;
      const probe = join(dirname(file), `.probe-${basename(file, '.js')}.mjs`);
      writeFileSync(probe, `${imports.join('\n')}\n`);
      probes.push({ file: relative(app.out, file), probe });
    }
    expect(probes.map((p) => p.file)).toEqual(expect.arrayContaining(['main/core-process.js', 'main/import-worker.js']));
    const driver = `for (const [file, url] of ${JSON.stringify(probes.map((p) => [p.file, pathToFileURL(p.probe).href]))}) {
      await import(url).then(() => console.log(JSON.stringify({ file, ok: true })), (e) => console.log(JSON.stringify({ file, ok: false, error: String(e) })));
    }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', driver], { cwd: app.appDir, stdio: ['ignore', 'pipe', 'pipe'] });
    const { stdout } = await collect(child).finally(() => {
      for (const { probe } of probes) rmSync(probe);
    });
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; ok: boolean; error?: string });
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results).toHaveLength(probes.length);
  });

  it('the page carries the app’s CSP and loads only its own files', () => {
    const html = read(out('renderer', 'index.html'));
    const meta = /<meta\s+http-equiv=["']Content-Security-Policy["']\s+content="([^"]*)"/i.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/(src|href)=["'](https?:)?\/\//i);
  });
});

describe('the built core process, started as utilityProcess.fork starts it', () => {
  const started: UtilityProcessStandIn[] = [];
  afterAll(() => {
    for (const child of started) child.kill();
  });

  const startCore = (dataDir: string): { child: UtilityProcessStandIn; client: RpcClient } => {
    const child = forkUtilityProcess(out('main', 'core-process.js'), coreProcessArgs(dataDir), { env: coreProcessEnv(process.env, process.platform) });
    started.push(child);
    return { child, client: createClient(utilityProcessPort(child)) };
  };

  it('runs on the Node that Electron 45 embeds', () => {
    expect(process.versions.node.split('.')[0]).toBe('22');
  });

  it('opens the database, answers db.check and imports exports through the built import worker', async () => {
    const dataDir = tempDir();
    const { child, client } = startCore(dataDir);
    const check = await client.call('db.check', {}).catch((error: unknown) => {
      throw new Error(`${String(error)}\ncore stderr:\n${child.stderr()}`);
    });
    expect(check).toMatchObject({ integrity: 'ok', problems: [], foreignKeyProblems: 0 });
    expect(check.schemaVersion).toBeGreaterThan(0);

    // A CSV (the worker's text path), an .xlsx (exceljs, loaded lazily by the worker) and a zip (yauzl).
    const sources = ['orders-a.csv', 'orders-a.xlsx', 'bundle-utf8.zip'].map((name) => {
      const path = join(dataDir, name);
      copyFileSync(join(FIXTURES, name), path);
      return { type: 'path' as const, path };
    });
    const outcomes: ImportRunOutcome[] = await client.call('imports.run', { jobId: 'built-core', sources, locale: 'en-US' });
    expect(outcomes.map((o) => (o.refused ? { file: o.file, refused: o.code } : { file: o.file, kind: o.kind, lines: o.lines }))).toEqual([
      { file: 'orders-a.csv', kind: 'orders', lines: 80 },
      { file: 'orders-a.xlsx', kind: 'orders', lines: 30 },
      { file: 'bundle-utf8.zip › 1791213782_资金流水.csv', kind: 'funds', lines: expect.any(Number) },
    ]);
    expect(outcomes[0]).toMatchObject({ inserted: 80, importId: expect.any(Number) });
    const history = await client.call('imports.history', {});
    expect(history.map((h) => h.file).sort()).toEqual(outcomes.map((o) => o.file).sort());

    child.postMessage(SHUTDOWN_MESSAGE);
    expect(await child.exited).toBe(0);
  });
});

describe('the built main process, in plain Node with a stand-in electron module', () => {
  type Report = { type: string; [key: string]: unknown };
  const HOOKS = fileURLToPath(new URL('../helpers/children/electron-hooks.mjs', import.meta.url));

  /** Starts out/main/index.js as Electron would (argv carries --data-dir) and reads its reports. */
  function startMain(dataDir: string) {
    const child = spawn(process.execPath, ['--experimental-transform-types', '--no-warnings', '--import', HOOKS, out('main', 'index.js'), '--data-dir', dataDir], {
      cwd: app.appDir,
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    const reports: Report[] = [];
    const waiters: { match: (r: Report) => boolean; resolve: (r: Report) => void; reject: (e: Error) => void }[] = [];
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout?.resume();
    child.on('message', (raw) => {
      const report = raw as Report;
      reports.push(report);
      for (const w of waiters.filter((x) => x.match(report))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(report);
      }
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    void exited.then(() => {
      for (const w of waiters.splice(0)) w.reject(new Error(`main exited; reports: ${JSON.stringify(reports)}\nstderr:\n${stderr}`));
    });
    /** The first report that matches (seen already or yet to come); unless told otherwise, the core exiting first fails it. */
    const next = (match: (r: Report) => boolean, what: string, coreMayExit = false) =>
      new Promise<Report>((resolve, reject) => {
        const settle = (r: Report) => (match(r) ? resolve(r) : reject(new Error(`the core exited before ${what}; stderr:\n${stderr}`)));
        const either = (r: Report) => match(r) || (!coreMayExit && r.type === 'core-exit');
        const seen = reports.find(either);
        if (seen) settle(seen);
        else waiters.push({ match: either, resolve: settle, reject });
      });
    return { child, next, exited, reports: () => [...reports] };
  }

  let running: ChildProcess | null = null;
  afterAll(() => {
    running?.kill('SIGKILL');
  });

  it('starts the core from the packaged path, talks to it, serves the page and stops the core on quit', async () => {
    const dataDir = tempDir();
    const main = startMain(dataDir);
    running = main.child;

    const fork = await main.next((r) => r.type === 'fork', 'main forked it');
    expect(fork).toMatchObject({ modulePath: out('main', 'core-process.js'), args: ['--data-dir', dataDir] });
    // main's own client (settings for the tray and login item) got an answer from the real core.
    await main.next((r) => r.type === 'core' && (r.message as { kind?: string; ok?: boolean }).kind === 'response' && (r.message as { ok?: boolean }).ok === true, 'it answered main');

    main.child.send({ type: 'inspect' });
    const seen = await main.next((r) => r.type === 'inspect', 'inspect');
    expect(seen).toMatchObject({ windows: 1, url: 'app://shop/', preload: out('preload', 'index.cjs'), trays: 1 });
    expect((seen.page as { status: number; body: string }).status).toBe(200);
    expect((seen.page as { body: string }).body).toContain(META_CONTENT_SECURITY_POLICY);
    expect(seen.iconPaths).toEqual([out('main', 'icons', 'tray-icon.png'), out('main', 'icons', 'tray-icon@2x.png')]);
    for (const icon of seen.iconPaths as string[]) expect(existsSync(icon), icon).toBe(true);

    // Quitting stops the core gracefully (shutdown message, exit 0) before Electron may quit.
    main.child.send({ type: 'quit' });
    await main.next((r) => r.type === 'quit', 'quit', true);
    expect(main.reports().filter((r) => r.type === 'core-exit')).toEqual([{ type: 'core-exit', code: 0 }]);
    expect(await main.exited).toBe(0);
  });
});

describe('the packaged layout (electron-builder.config.cjs)', () => {
  type Stats = ReturnType<typeof statSync>;
  type FileMatcherClass = new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): (file: string, stat: Stats) => boolean };
  // electron-builder's own matcher, so these checks read the patterns exactly as packaging does.
  const { FileMatcher } = createRequire(join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'package.json'))('./out/fileMatcher.js') as { FileMatcher: FileMatcherClass };
  const matcher = (patterns: string[]) => {
    const filter = new FileMatcher(app.appDir, app.appDir, (s) => s, patterns).createFilter();
    return (relativePath: string) => filter(join(app.appDir, relativePath), statSync(join(app.appDir, relativePath)));
  };

  it('packs every built file the app loads into app.asar', () => {
    const packed = matcher(builderConfig().files);
    for (const file of files(app.out)) expect(packed(relative(app.appDir, file)), relative(app.appDir, file)).toBe(true);
  });

  it('finds the import worker where the built core looks for it: next to core-process.js, inside the archive', () => {
    // spawn-import-worker.ts looks for ./import-worker.js (then ../) from the module that holds it.
    const holders = code('main').filter((f) => read(f).includes('function spawnImportWorker'));
    expect(holders).not.toEqual([]);
    for (const holder of holders) {
      const found = ['import-worker.js', '../import-worker.js'].map((c) => join(dirname(holder), c)).find((c) => existsSync(c));
      expect(found, `the worker beside ${relative(app.out, holder)}`).toBe(out('main', 'import-worker.js'));
    }
    // Electron 17+ reads worker scripts from inside app.asar (electron/electron#33216), so the worker stays packed.
    expect(matcher(builderConfig().asarUnpack)('out/main/import-worker.js')).toBe(false);
  });

  it('unpacks better-sqlite3’s native module for every platform the app is built for', () => {
    // better-sqlite3 13 loads <package>/prebuilds/<platform>-<arch>.node (or a build/Release addon);
    // a native module cannot be loaded from inside an asar, so each must land in app.asar.unpacked.
    const require = createRequire(join(app.appDir, 'package.json'));
    const pkgDir = dirname(require.resolve('better-sqlite3/package.json'));
    const binding = require(join(pkgDir, 'lib', 'binding.js')) as { getPrebuildPath(): string | null };
    const loaded = binding.getPrebuildPath();
    expect(loaded, 'the prebuild this machine loads').not.toBeNull();
    const asPackaged = (file: string) => join('node_modules', 'better-sqlite3', relative(pkgDir, file)).split('\\').join('/');
    const natives = files(pkgDir).filter((f) => f.endsWith('.node'));
    expect(natives.map(asPackaged)).toEqual(expect.arrayContaining(['win32-x64', 'darwin-arm64', 'darwin-x64', 'linux-x64'].map((t) => `node_modules/better-sqlite3/prebuilds/${t}.node`)));
    const unpacked = matcher(builderConfig().asarUnpack);
    expect(unpacked(asPackaged(loaded!)), asPackaged(loaded!)).toBe(true);
    for (const file of natives) expect(unpacked(asPackaged(file)), asPackaged(file)).toBe(true);
    expect(unpacked('node_modules/better-sqlite3/lib/index.js')).toBe(false);
  });
});

function collect(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
