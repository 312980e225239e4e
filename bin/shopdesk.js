#!/usr/bin/env node
// The `shopdesk` command. It runs the TypeScript sources through tsx's ESM loader, so it works
// right after `npm install` with no build step. `npx shopdesk` puts node_modules/.bin first on
// PATH, so `node` here is the project's pinned Node 22 (better-sqlite3 13 needs it).
import { register } from 'tsx/esm/api';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `shopdesk 需要 Node 22 或更高版本（当前 ${process.version}），请用 npx shopdesk 运行。\n` +
      `shopdesk needs Node 22 or newer (this is ${process.version}); run it as npx shopdesk.\n`,
  );
  process.exit(1);
}

const tsx = register({ namespace: 'shopdesk-cli', tsconfig: false });
const { runCli } = await tsx.import('../src/cli/main.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2));
