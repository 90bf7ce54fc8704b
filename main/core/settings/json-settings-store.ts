import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileSync } from '../fs/durable-file.js';
import { parseSettings, settingsSchema, type Settings, type SettingsStore } from './settings.js';

/** settings.json in the data dir, replaced atomically and durably (see fs/durable-file.ts). */
export class JsonSettingsStore implements SettingsStore {
  readonly file: string;
  private cached: Settings | undefined;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'settings.json');
  }

  read(): Settings {
    this.cached ??= this.load();
    return structuredClone(this.cached);
  }

  write(next: Settings): void {
    const valid = settingsSchema.parse(next);
    replaceFileSync(this.file, JSON.stringify(valid, null, 2) + '\n');
    this.cached = valid;
  }

  private load(): Settings {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return parseSettings(undefined);
      throw err;
    }
    try {
      return parseSettings(JSON.parse(text));
    } catch {
      return parseSettings(undefined);
    }
  }
}
