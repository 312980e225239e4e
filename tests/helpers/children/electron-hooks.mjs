/*
 * Preload (`node --experimental-transform-types --import`) for starting the built out/main/index.js
 * in plain Node: the bare specifier `electron` resolves to electron-stand-in.mjs. Nothing else is
 * redirected, so every other import of the built file loads as Node loads it.
 */
import { registerHooks } from 'node:module';

const standIn = new URL('./electron-stand-in.mjs', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, nextResolve) =>
    specifier === 'electron' ? { url: standIn, format: 'module', shortCircuit: true } : nextResolve(specifier, context),
});
