import { readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Runs benchmarks: every *.bench.ts beside this file, or the ones named on the
 * command line (`npm run bench -- sandbox-list`). A bench module's default
 * export is an async function that prints its own figures; benches are not
 * timed tests and never fail on a number, only on an error.
 */
const here = dirname(fileURLToPath(import.meta.url));

function benchFiles(names: string[]): string[] {
  const all = readdirSync(here).filter((f) => f.endsWith('.bench.ts')).sort();
  if (names.length === 0) return all.map((f) => join(here, f));
  return names.map((n) => {
    const file = all.find((f) => f === n || f === `${n}.bench.ts` || f === basename(n));
    if (!file) {
      process.stderr.write(`bench: no benchmark "${n}" in ${here} (have: ${all.join(', ')})\n`);
      process.exit(2);
    }
    return join(here, file);
  });
}

let failed = 0;
for (const file of benchFiles(process.argv.slice(2))) {
  process.stdout.write(`\n== ${basename(file)} ==\n`);
  try {
    const mod = (await import(pathToFileURL(resolve(file)).href)) as { default?: () => Promise<void> };
    if (typeof mod.default !== 'function') throw new Error('a bench module must export a default async function');
    await mod.default();
  } catch (err) {
    failed++;
    process.stderr.write(`bench ${basename(file)} failed: ${(err as Error).stack ?? String(err)}\n`);
  }
}
process.exit(failed ? 1 : 0);
