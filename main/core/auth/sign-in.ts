import { applyTokens, type DropboxClient, type TokenSet } from '../dropbox/client.js';
import type { SecretStore } from './secret-store.js';
import { beginAuthorization, completeAuthorization, type PendingAuthorization } from './pkce.js';

/** How the authorization code comes back: the browser redirect, a pasted code, or the sandbox's consent answer. */
export type ObtainCode = (pending: PendingAuthorization) => Promise<string>;

export function tokenKey(connectionId: string): string {
  return `tokens:${connectionId}`;
}

function parseTokens(text: string | undefined): TokenSet | undefined {
  if (!text) return undefined;
  try {
    const t = JSON.parse(text) as TokenSet;
    return typeof t.accessToken === 'string' ? t : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Signs the client in: stored tokens when Dropbox still accepts them,
 * otherwise the OAuth 2 PKCE flow (authorize URL → code → token exchange).
 * Tokens go to the SecretStore and nowhere else.
 */
export async function signIn(client: DropboxClient, secrets: SecretStore, connectionId: string, obtainCode: ObtainCode): Promise<void> {
  const stored = parseTokens(await secrets.get(tokenKey(connectionId)));
  if (stored) {
    applyTokens(client.auth, stored);
    try {
      await client.dbx.teamTokenGetAuthenticatedAdmin();
      return;
    } catch {
      // Revoked, expired beyond refresh, or a sandbox that restarted: sign in again.
      await secrets.delete(tokenKey(connectionId));
    }
  }
  const pending = await beginAuthorization(client.auth);
  const code = await obtainCode(pending);
  const tokens = await completeAuthorization(client.auth, pending, code);
  await secrets.set(tokenKey(connectionId), JSON.stringify(tokens));
}
