import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { openZoomed } from './a11y.js';

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

export interface HarnessPage {
  page: Page;
  /** Errors the page threw, for a test to assert there were none. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A blank page at 100 % zoom with the app's styles and one harness bundled
 * onto it, ready once the button named `readyButton` is there.
 */
export async function openHarness(entry: string, title: string, readyButton: string): Promise<HarnessPage> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
  const { page, close } = await openZoomed(1);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(err.message));
  await page.setContent(`<!doctype html><html lang="en"><head><title>${title}</title></head><body><div id="root"></div></body></html>`);
  await page.addStyleTag({ content: readFileSync(join(root, 'renderer/src/styles.css'), 'utf8') });
  await page.addScriptTag({ content: await bundleHarness(root, entry) });
  await page.getByRole('button', { name: readyButton }).waitFor({ timeout: 5_000 }).catch((err: Error) => {
    throw new Error(`The harness did not render: ${problems.join(' | ') || err.message}`);
  });
  return { page, problems, close };
}
