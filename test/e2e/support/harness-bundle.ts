import { build } from 'vite';

/**
 * One harness page's entry (test/e2e/harness/*.tsx) bundled by Vite into a
 * script for page.addScriptTag: the renderer's own components, in the same
 * Chromium as the app, without the app around them.
 */
export async function bundleHarness(root: string, entry: string): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    // Vitest sets NODE_ENV=test, which would otherwise select React's development JSX runtime.
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    oxc: { jsx: { development: false } },
    build: { write: false, minify: false, lib: { entry, formats: ['iife'], name: 'harness' } },
  });
  const result = Array.isArray(out) ? out[0] : out;
  if (!('output' in result)) throw new Error('Vite did not return the bundle');
  return result.output[0].type === 'chunk' ? result.output[0].code : '';
}
