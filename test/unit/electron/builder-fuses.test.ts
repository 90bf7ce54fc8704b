import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Configuration } from 'electron-builder';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

type Fuses = NonNullable<Configuration['electronFuses']>;

const config = load(readFileSync(fileURLToPath(new URL('../../../electron-builder.yml', import.meta.url)), 'utf8')) as Configuration;

/**
 * Without these fuses any local program can start the packaged app as plain
 * Node (ELECTRON_RUN_AS_NODE, NODE_OPTIONS, --inspect) and decrypt the saved
 * sign-ins through safeStorage as if it were Teamkeeper. Typed by
 * electron-builder's own options, so a misspelt fuse fails the typecheck.
 */
const WANTED: Required<Pick<Fuses, 'runAsNode' | 'enableNodeOptionsEnvironmentVariable' | 'enableNodeCliInspectArguments' | 'enableCookieEncryption' | 'enableEmbeddedAsarIntegrityValidation' | 'onlyLoadAppFromAsar' | 'grantFileProtocolExtraPrivileges'>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  // The renderer is served from app://, never file://.
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml fuses', () => {
  it.each(Object.entries(WANTED))('%s is %s', (fuse, value) => {
    expect(config.electronFuses?.[fuse as keyof Fuses]).toBe(value);
  });

  it('packs the app into an ASAR archive, which the integrity and only-from-ASAR fuses need', () => {
    expect(config.asar ?? true).not.toBe(false);
  });
});
