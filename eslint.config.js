import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const electronOnlyHere = 'Only src/main and src/preload may import electron (plain Node would try to download its binary).';

/** Layer rules: dependencies point one way, renderer -> shared <- core <- hosts. */
const restrict = (patterns) => ['error', { patterns }];
const desktopHostOnly = { group: ['react', 'react-dom', 'antd', '**/renderer/src/**', 'ws', '**/core/hosts/**'], message: 'The desktop host never ships the harness or the UI code.' };

export default tseslint.config(
  { ignores: ['.*/**', 'out/**', 'dist/**', 'release/**', 'node_modules/**', 'scratch-data/**', 'tests/.artifacts/**', '.tmp/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'No new Function.' },
        { selector: "MemberExpression[property.name='executeJavaScript']", message: 'No executeJavaScript.' },
        { selector: "MemberExpression[property.name='insertCSS']", message: 'No insertCSS.' },
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'No Blink features.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['node:*', 'fs', 'path', 'os', 'better-sqlite3', 'kysely', 'ws'], message: 'src/shared is pure TypeScript.' },
        { group: ['electron', 'react', 'react-dom', 'antd', '**/core/**', '**/renderer/**', '**/main/**', '**/preload/**'], message: 'src/shared imports nothing from the layers above it.' },
      ]),
    },
  },
  {
    files: ['src/core/**', 'src/cli/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: electronOnlyHere },
        { group: ['react', 'react-dom', 'antd', '**/renderer/src/**', '**/main/**', '**/preload/**'], message: 'core/cli must run in plain Node.' },
      ]),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': restrict([
        { group: ['electron'], message: electronOnlyHere },
        { group: ['node:*', 'better-sqlite3', 'kysely', 'ws', '**/core/**', '**/main/**', '**/preload/**'], message: 'The renderer talks to the core only through the typed client.' },
      ]),
    },
  },
  {
    files: ['src/main/**'],
    rules: { 'no-restricted-imports': restrict([desktopHostOnly]) },
  },
  {
    // The preload is bundled on its own into the sandboxed renderer: what it shares with main (channel names) lives in src/shared.
    files: ['src/preload/**'],
    rules: {
      'no-restricted-imports': restrict([
        desktopHostOnly,
        { group: ['**/main/**', '**/core/**', 'node:*'], message: 'The preload imports only electron and src/shared (channel names are in src/shared/ipc-channels.ts).' },
      ]),
    },
  },
  {
    files: ['tests/**', '**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
