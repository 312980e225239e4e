/*
 * Preload (`node --experimental-transform-types --import`) for starting the built out/main/index.js
 * in plain Node: the bare specifier `electron` resolves to electron-stand-in.mjs. The built files'
 * other imports load exactly as Node loads them. Only inside our TypeScript test helpers (the
 * stand-in uses tests/helpers/fake-electron.ts) an extensionless relative import resolves to its
 * `.ts` file, as the bundler-style resolution of the rest of the repo does.
 */
import { registerHooks } from 'node:module';

const standIn = new URL('./electron-stand-in.mjs', import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'electron') return { url: standIn, format: 'module', shortCircuit: true };
    if (context.parentURL?.endsWith('.ts') && specifier.startsWith('.') && !/\.[cm]?[jt]s$/.test(specifier)) {
      for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
        try {
          return nextResolve(candidate, context);
        } catch {
          // not this one; the next candidate, then Node's own error
        }
      }
    }
    return nextResolve(specifier, context);
  },
});
