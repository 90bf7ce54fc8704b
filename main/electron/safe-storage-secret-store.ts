import { readFileSync } from 'node:fs';
import { replaceFile } from '../core/fs/durable-file.js';
import type { SecretStore } from '../core/auth/secret-store.js';
import type { SecretStorage } from '../../preload/contract.js';

/** The parts of Electron's safeStorage this store uses. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  getSelectedStorageBackend?(): string;
}

export interface SafeStorageSecretStoreOptions {
  /**
   * Linux without a keyring falls back to "basic_text", a hard-coded key:
   * tokens would be readable by anyone with the file. Only with this set are
   * they written to disk there; otherwise they live for this run only.
   */
  acceptPlainTextBackend?: boolean;
  platform?: NodeJS.Platform;
}

/** Secrets encrypted with the OS keychain (safeStorage), kept as base64 in a JSON file in the data dir. */
export class SafeStorageSecretStore implements SecretStore {
  private values: Map<string, string> | undefined;
  /** One read of the file, however many callers ask while it runs: a second read would replace what was set meanwhile. */
  private loading: Promise<Map<string, string>> | undefined;
  /** Saves run one after another, so an older save never lands after a newer one. */
  private saving: Promise<void> = Promise.resolve();
  private kind: SecretStorage | undefined;

  constructor(
    private readonly safeStorage: SafeStorageLike,
    private readonly file: string,
    private readonly options: SafeStorageSecretStoreOptions = {},
  ) {}

  /** Whether secrets survive a restart (false: no OS encryption, or basic_text not accepted). */
  async persists(): Promise<boolean> {
    return (await this.storage()) !== 'session';
  }

  async storage(): Promise<SecretStorage> {
    if (this.kind === undefined) {
      const available = await this.safeStorage.isAsyncEncryptionAvailable();
      const platform = this.options.platform ?? process.platform;
      const plainText = platform === 'linux' && this.safeStorage.getSelectedStorageBackend?.() === 'basic_text';
      if (!available || (plainText && this.options.acceptPlainTextBackend !== true)) this.kind = 'session';
      else this.kind = plainText ? 'plain_accepted' : 'encrypted';
    }
    return this.kind;
  }

  async get(key: string): Promise<string | undefined> {
    return (await this.load()).get(key);
  }

  async set(key: string, value: string): Promise<void> {
    (await this.load()).set(key, value);
    await this.save();
  }

  async delete(key: string): Promise<void> {
    (await this.load()).delete(key);
    await this.save();
  }

  private load(): Promise<Map<string, string>> {
    this.loading ??= this.readAll().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  private async readAll(): Promise<Map<string, string>> {
    const values = new Map<string, string>();
    let reEncrypt = false;
    if (await this.persists()) {
      for (const [key, encoded] of Object.entries(this.readFile())) {
        try {
          const { result, shouldReEncrypt } = await this.safeStorage.decryptStringAsync(Buffer.from(encoded, 'base64'));
          values.set(key, result);
          reEncrypt ||= shouldReEncrypt;
        } catch {
          // Encrypted under another user or keychain: unusable, so the team signs in again.
        }
      }
    }
    this.values = values;
    if (reEncrypt) await this.save();
    return values;
  }

  private readFile(): Record<string, string> {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, 'utf8'));
      if (!parsed || typeof parsed !== 'object') return {};
      return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'));
    } catch {
      return {};
    }
  }

  private save(): Promise<void> {
    const next = this.saving.then(() => this.write());
    // A failed save must not stop the ones after it; its caller still sees the failure.
    this.saving = next.catch(() => undefined);
    return next;
  }

  private async write(): Promise<void> {
    if (!(await this.persists()) || !this.values) return;
    const out: Record<string, string> = {};
    for (const [key, value] of this.values) out[key] = (await this.safeStorage.encryptStringAsync(value)).toString('base64');
    await replaceFile(this.file, JSON.stringify(out), { mode: 0o600 });
  }
}
