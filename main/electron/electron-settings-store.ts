import { parseSettings, settingsSchema, type Settings, type SettingsStore } from '../core/settings/settings.js';

/** The part of electron-store used here: its whole value. */
export interface WholeValueStore {
  store: Record<string, unknown>;
}

/** Settings in electron-store, validated with the same schema as the JSON-file store. */
export class ElectronSettingsStore implements SettingsStore {
  constructor(private readonly backing: WholeValueStore) {}

  read(): Settings {
    return parseSettings(this.backing.store);
  }

  write(next: Settings): void {
    this.backing.store = settingsSchema.parse(next);
  }
}
