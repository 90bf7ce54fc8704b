import { TEAM_SCOPES } from './scopes.js';

/** An app registered in the sandbox's "App Console". */
export interface SandboxApp {
  clientId: string;
  /** Scopes the app was configured with; tokens never carry more. */
  scopes: Set<string>;
  /** Exact redirect URIs accepted; any loopback URI is accepted when empty is false. */
  redirectUris: string[];
}

/** The app key every sandbox accepts out of the box (printed by the CLI). */
export const DEFAULT_CLIENT_ID = 'tk-sandbox-app';

export class AppRegistry {
  private apps = new Map<string, SandboxApp>();

  constructor() {
    this.register({ clientId: DEFAULT_CLIENT_ID, scopes: new Set(TEAM_SCOPES), redirectUris: [] });
  }

  register(app: SandboxApp): void {
    this.apps.set(app.clientId, app);
  }

  get(clientId: string): SandboxApp | undefined {
    return this.apps.get(clientId);
  }
}
