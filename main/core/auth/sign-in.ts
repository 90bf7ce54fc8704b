import type { DropboxClient } from '../dropbox/client.js';
import { toAppError } from '../dropbox/errors.js';
import { AppError } from '../errors.js';
import type { SignIn } from './connection.js';
import { beginAuthorization, completeAuthorization, type PendingAuthorization } from './pkce.js';
import type { SecretStore } from './secret-store.js';

/** How the sandbox's authorization code comes back: the app answers its consent page itself. */
export type ObtainCode = (pending: PendingAuthorization) => Promise<string>;

/** The SecretStore key of a connection's refresh token. Nothing else of a connection is secret. */
export function refreshTokenKey(connectionId: string): string {
  return `connection/${connectionId}/refresh`;
}

/** Keeps the refresh token the client now holds (after a code exchange). */
export async function saveRefreshToken(secrets: SecretStore, connectionId: string, client: DropboxClient): Promise<void> {
  const token = client.auth.getRefreshToken();
  if (token) await secrets.set(refreshTokenKey(connectionId), token);
}

/**
 * A real team: the refresh token from the SecretStore, redeemed for an
 * access token. Without one, only the admin can sign in again.
 */
export function savedSignIn(secrets: SecretStore, connectionId: string, noSavedSignIn: string): SignIn {
  return async (client) => {
    const token = await secrets.get(refreshTokenKey(connectionId));
    if (!token) throw new AppError('needs_reauth', noSavedSignIn);
    client.auth.setTokens({ refreshToken: token });
    await client.refreshNow();
  };
}

/**
 * The built-in sandbox: its saved sign-in while the running sandbox still
 * honours it (a restarted sandbox has forgotten every token), otherwise the
 * same PKCE flow a real team takes, with the consent step answered by the app.
 */
export function sandboxSignIn(secrets: SecretStore, connectionId: string, obtainCode: ObtainCode): SignIn {
  return async (client) => {
    const saved = await secrets.get(refreshTokenKey(connectionId));
    if (saved) {
      client.auth.setTokens({ refreshToken: saved });
      try {
        await client.refreshNow();
        return;
      } catch (err) {
        if (toAppError(err).code !== 'needs_reauth') throw err;
        await secrets.delete(refreshTokenKey(connectionId));
      }
    }
    const pending = await beginAuthorization(client.auth);
    const code = await obtainCode(pending);
    await completeAuthorization(client.auth, pending, code);
    await saveRefreshToken(secrets, connectionId, client);
  };
}

/** Why a team has no saved sign-in after a restart: it depends on where sign-ins are kept. */
export function noSavedSignInReason(secretsPersist: boolean, mode: 'electron' | 'browser'): string {
  if (secretsPersist) return 'Teamkeeper has no saved sign-in for this team.';
  return mode === 'browser'
    ? 'In browser mode Teamkeeper keeps a sign-in only while it runs.'
    : 'This computer offers no safe place to keep the sign-in, so Teamkeeper kept it only while it ran.';
}
