import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const root = import.meta.dirname;

/**
 * The sandbox reads Dropbox's spec (main/sandbox/spec/stone) at run time,
 * relative to its own module: beside the main bundle that is out/main/stone.
 */
function stoneSpecFiles(): Plugin {
  const dir = resolve(root, 'main/sandbox/spec/stone');
  return {
    name: 'teamkeeper-stone-spec',
    generateBundle() {
      for (const file of readdirSync(dir)) this.emitFile({ type: 'asset', fileName: `stone/${file}`, source: readFileSync(resolve(dir, file)) });
    },
  };
}

/**
 * `electron-vite build` is the production build (out/). `--mode test` is the
 * build the e2e suite and benchmarks drive (out-test/, never packaged): the
 * same app plus window.__tkState and window.__tkPerf.
 */
export default defineConfig(({ mode }) => {
  const testBuild = mode === 'test';
  const out = testBuild ? 'out-test' : 'out';
  return {
  main: {
    plugins: [stoneSpecFiles()],
    build: {
      outDir: `${out}/main`,
      rolldownOptions: { input: { index: resolve(root, 'main/electron/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: `${out}/preload`,
      // A sandboxed preload cannot load ES modules or node_modules: one CommonJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs so the same build loads from file:// (Electron) and from the browser host.
    base: './',
    plugins: [react()],
    define: { __TK_TEST_HOOKS__: JSON.stringify(testBuild) },
    build: {
      outDir: resolve(root, out, 'renderer'),
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
};
});
