import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../../main/electron/safe-storage-secret-store.js';
import { ElectronSettingsStore } from '../../../main/electron/electron-settings-store.js';

/** A reversible stand-in for the OS keychain: XOR with a key, so the file never holds the plain text. */
function fakeSafeStorage(backend: string, opts: { reEncrypt?: boolean } = {}): SafeStorageLike & { encrypted: number } {
  const key = 0x5a;
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ key));
  return {
    encrypted: 0,
    async isAsyncEncryptionAvailable() {
      return true;
    },
    async encryptStringAsync(text: string) {
      this.encrypted++;
      return flip(Buffer.from(text, 'utf8'));
    },
    async decryptStringAsync(buf: Buffer) {
      return { result: flip(buf).toString('utf8'), shouldReEncrypt: opts.reEncrypt ?? false };
    },
    getSelectedStorageBackend: () => backend,
  };
}

const tmp = () => join(mkdtempSync(join(tmpdir(), 'tk-secrets-')), 'secrets.json');

describe('SafeStorageSecretStore', () => {
  it('keeps secrets encrypted on disk and reads them back in a new run', async () => {
    const file = tmp();
    const a = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), file, { platform: 'linux' });
    await a.set('tokens:sandbox', '{"accessToken":"sl.secret-token"}');
    expect(readFileSync(file, 'utf8')).not.toContain('sl.secret-token');
    const b = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), file, { platform: 'linux' });
    expect(await b.get('tokens:sandbox')).toBe('{"accessToken":"sl.secret-token"}');
    await b.delete('tokens:sandbox');
    const c = new SafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), file, { platform: 'linux' });
    expect(await c.get('tokens:sandbox')).toBeUndefined();
  });

  it('refuses to write secrets with the basic_text backend unless accepted', async () => {
    const file = tmp();
    const refused = new SafeStorageSecretStore(fakeSafeStorage('basic_text'), file, { platform: 'linux' });
    await refused.set('k', 'v');
    expect(await refused.get('k')).toBe('v');
    expect(await refused.persists()).toBe(false);
    expect(await refused.storage()).toBe('session');
    expect(existsSync(file)).toBe(false);

    const accepted = new SafeStorageSecretStore(fakeSafeStorage('basic_text'), file, { platform: 'linux', acceptPlainTextBackend: true });
    await accepted.set('k', 'v');
    expect(await accepted.storage()).toBe('plain_accepted');
    expect(existsSync(file)).toBe(true);
  });

  it('does not persist where the OS offers no encryption', async () => {
    const file = tmp();
    const none = { ...fakeSafeStorage('unknown'), isAsyncEncryptionAvailable: async () => false };
    const store = new SafeStorageSecretStore(none, file, { platform: 'darwin' });
    await store.set('k', 'v');
    expect(existsSync(file)).toBe(false);
    expect(await store.storage()).toBe('session');
    expect(await new SafeStorageSecretStore(fakeSafeStorage('keychain'), tmp(), { platform: 'darwin' }).storage()).toBe('encrypted');
  });

  it('re-encrypts when the keychain asks for it', async () => {
    const file = tmp();
    await new SafeStorageSecretStore(fakeSafeStorage('kwallet5'), file, { platform: 'linux' }).set('k', 'v');
    const rotating = fakeSafeStorage('kwallet5', { reEncrypt: true });
    expect(await new SafeStorageSecretStore(rotating, file, { platform: 'linux' }).get('k')).toBe('v');
    expect(rotating.encrypted).toBe(1);
  });

  it('keeps a secret set while another call is still reading the file (startup opens every team at once)', async () => {
    const file = tmp();
    await new SafeStorageSecretStore(fakeSafeStorage('kwallet5'), file, { platform: 'linux' }).set('old', 'o');
    const keychain = fakeSafeStorage('kwallet5');
    const decrypt = keychain.decryptStringAsync.bind(keychain);
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let decrypts = 0;
    keychain.decryptStringAsync = async (buf: Buffer) => {
      // The second read of the file is slow, as a keychain prompt would be.
      if (++decrypts === 2) await gate;
      return decrypt(buf);
    };
    const store = new SafeStorageSecretStore(keychain, file, { platform: 'linux' });
    const first = store.get('old');
    const second = store.get('old');
    expect(await first).toBe('o');
    await store.set('new', 'n');
    release();
    expect(await second).toBe('o');
    expect(await store.get('new')).toBe('n');
    expect(await new SafeStorageSecretStore(fakeSafeStorage('kwallet5'), file, { platform: 'linux' }).get('new')).toBe('n');
  });

  it('never writes back a secret deleted while an earlier save was still encrypting', async () => {
    const file = tmp();
    const keychain = fakeSafeStorage('kwallet5');
    const encrypt = keychain.encryptStringAsync.bind(keychain);
    let slowMs = 0;
    keychain.encryptStringAsync = async (text: string) => {
      const ms = slowMs;
      if (ms) await new Promise((r) => setTimeout(r, ms));
      return encrypt(text);
    };
    const store = new SafeStorageSecretStore(keychain, file, { platform: 'linux' });
    await store.set('a', '1');
    slowMs = 20;
    const saving = store.set('b', '2');
    // The first save has encrypted 'a' and is on 'b'; the delete's save runs at full speed.
    await new Promise((r) => setTimeout(r, 30));
    slowMs = 0;
    await store.delete('b');
    await saving;
    expect(await new SafeStorageSecretStore(fakeSafeStorage('kwallet5'), file, { platform: 'linux' }).get('b')).toBeUndefined();
  });
});

describe('ElectronSettingsStore', () => {
  it('round-trips valid settings and falls back to defaults for garbage', () => {
    const backing = { store: { junk: true } as Record<string, unknown> };
    const settings = new ElectronSettingsStore(backing);
    expect(settings.read()).toEqual({ version: 1, connections: [] });
    settings.write({ version: 1, connections: [{ id: 'sandbox', kind: 'sandbox', label: 'Sandbox' }], activeConnectionId: 'sandbox' });
    expect(settings.read().activeConnectionId).toBe('sandbox');
    expect(() => settings.write({ version: 2 } as never)).toThrow();
  });
});
