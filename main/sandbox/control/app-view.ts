import type { SandboxApp } from '../oauth/apps.js';
import { TEAM_SCOPES } from '../oauth/scopes.js';

/** An app as the control API shows it; sandbox apps are public clients, so there is no secret to leave out. */
export function appView(app: SandboxApp): { clientId: string; name: string; scopes: string[]; redirectUris: string[] } {
  return {
    clientId: app.clientId,
    name: app.name,
    scopes: TEAM_SCOPES.filter((s) => app.scopes.has(s)),
    redirectUris: [...app.redirectUris],
  };
}
