// @ts-check
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The one rule of the architecture: only the Electron shell and the preload touch Electron. */
const electronFree = {
  name: 'electron',
  message: 'Only main/electron and preload/index.ts may import electron (see shared ARCHITECTURE.md).',
};

/** Raw IPC stays behind the preload's single typed bridge. */
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'ipcRenderer is used only in preload/index.ts; call window.teamkeeper instead.',
};

export default tseslint.config(
  { ignores: ['out/**', 'out-test/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-imports': ['error', { paths: [noRawIpc] }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['main/core/**', 'main/browser-host/**', 'main/renderer-files/**', 'main/sandbox/**', 'preload/contract*.ts', 'preload/contract/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronFree] }] },
  },
  {
    // The core reaches the emulator only through its public entry; its store and routes are the sandbox's business.
    files: ['main/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronFree],
          patterns: [{ regex: '/sandbox/(?!index\\.js$)', message: 'main/core imports only main/sandbox/index.ts, not the emulator\'s internals.' }],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronFree],
          patterns: [{ group: ['**/main/**'], message: 'The renderer reaches main only through window.teamkeeper.' }],
        },
      ],
    },
  },
  {
    files: ['preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests assert on untyped wire shapes (Dropbox error bodies, SSE frames).
    files: ['test/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
