import { z } from 'zod';

/** Longest connection label kept in settings. */
export const MAX_LABEL = 200;

const connectionRecord = z.object({
  id: z.string().min(1),
  kind: z.enum(['sandbox', 'dropbox']),
  label: z.string().min(1).max(MAX_LABEL),
  /** The Dropbox app key the connection signed in with. */
  clientId: z.string().min(1).optional(),
  /** Dropbox's team_id: connecting the same team again replaces its tokens instead of adding it twice. */
  teamId: z.string().min(1).optional(),
  /** The team's name when it was last seen, shown before the connection has opened. */
  teamName: z.string().optional(),
  /** The API server the sign-in was made with (Dropbox, or that run's --dropbox-url): its token goes nowhere else. */
  apiOrigin: z.string().min(1).optional(),
});

export const settingsSchema = z.object({
  version: z.literal(1),
  connections: z.array(connectionRecord).default([]),
  activeConnectionId: z.string().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ConnectionRecord = z.infer<typeof connectionRecord>;

export const DEFAULT_SETTINGS: Settings = { version: 1, connections: [] };

/** Settings as a whole value: read it, replace it. Electron: electron-store; Node: a JSON file. */
export interface SettingsStore {
  read(): Settings;
  write(next: Settings): void;
}

/** Parses stored settings; anything unreadable falls back to defaults rather than stopping the app. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : structuredClone(DEFAULT_SETTINGS);
}
