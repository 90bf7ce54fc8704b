import { readFileSync, readdirSync } from 'node:fs';
import { Spec } from './spec.js';

/**
 * Dropbox's own spec, vendored beside this file in stone/ (MIT, see
 * stone/LICENSE). The URL is built at run time so bundlers leave it alone;
 * the Electron build copies stone/ next to the bundle (electron.vite.config.ts),
 * where the same relative URL finds it.
 */
export function stoneDir(): URL {
  const here = import.meta.url;
  return new URL('stone/', here);
}

let loaded: Spec | undefined;

/** Parsed once per process, on first use (about 60 ms). */
export function dropboxSpec(): Spec {
  if (!loaded) {
    const dir = stoneDir();
    const files = readdirSync(dir).filter((f) => f.endsWith('.stone')).sort();
    loaded = new Spec(files.map((file) => ({ file, text: readFileSync(new URL(file, dir), 'utf8') })));
  }
  return loaded;
}
