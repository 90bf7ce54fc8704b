import type { SecretStorage } from '../../../preload/contract.js';

/**
 * Where connection tokens live. Tokens never leave main/core: the renderer
 * sees connection summaries only. Electron encrypts with safeStorage; browser
 * mode keeps them in memory for the life of the process.
 */
export interface SecretStore {
  /** How safely secrets are kept, so the app can tell the admin. */
  storage(): Promise<SecretStorage>;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemorySecretStore implements SecretStore {
  private values = new Map<string, string>();

  async storage(): Promise<SecretStorage> {
    return 'session';
  }

  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
}
