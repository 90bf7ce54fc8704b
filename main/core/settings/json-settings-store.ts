import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseSettings, settingsSchema, type Settings, type SettingsStore } from './settings.js';

/** settings.json in the data dir, written atomically (temp file + rename). */
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
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(valid, null, 2) + '\n');
    renameSync(tmp, this.file);
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
