import { TEAM_SCOPES } from './scopes.js';

/** An app registered in the sandbox's "App Console". */
export interface SandboxApp {
  clientId: string;
  /** Shown on the consent page. */
  name: string;
  /** Scopes the app was configured with; tokens never carry more. */
  scopes: Set<string>;
  /** Redirect URIs accepted exactly, besides any loopback URI (see redirect-uri.ts). */
  redirectUris: string[];
}

/** The app key every sandbox accepts out of the box (printed by the CLI). */
export const DEFAULT_CLIENT_ID = 'tk-sandbox-app';

export class AppRegistry {
  private apps = new Map<string, SandboxApp>();

  constructor() {
    this.register({ clientId: DEFAULT_CLIENT_ID, name: 'Teamkeeper', scopes: new Set(TEAM_SCOPES), redirectUris: [] });
  }

  register(app: SandboxApp): void {
    this.apps.set(app.clientId, app);
  }

  get(clientId: string): SandboxApp | undefined {
    return this.apps.get(clientId);
  }

  list(): SandboxApp[] {
    return [...this.apps.values()];
  }
}
