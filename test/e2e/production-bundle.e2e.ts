import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every file of a built renderer, as text. */
function bundle(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.(js|html|css)$/.test(e.name));
  expect(files.length).toBeGreaterThan(0);
  return files.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8')).join('\n');
}

/**
 * window.__tkState (the whole renderer state as text) and window.__tkPerf
 * are for the tests and benchmarks: the production build leaves them out.
 * run.ts built both before the suite started.
 */
describe('the production renderer bundle', () => {
  it('contains no test hooks', () => {
    const production = bundle(join(ROOT, 'out', 'renderer'));
    expect(production).not.toContain('__tkState');
    expect(production).not.toContain('__tkPerf');
  });

  it('while the test build the suite drives has both', () => {
    const test = bundle(join(ROOT, 'out-test', 'renderer'));
    expect(test).toContain('__tkState');
    expect(test).toContain('__tkPerf');
  });
});
