import { randomBytes } from 'node:crypto';
import type { DropboxAuth } from 'dropbox';
import { applyTokens, type TokenSet } from '../dropbox/client.js';
import { AppError } from '../errors.js';
import { APP_SCOPES } from './scopes.js';

/**
 * The loopback redirect a real Dropbox app registers in the App Console
 * (RFC 8252: the code comes back to a port the app listens on).
 */
export const LOOPBACK_REDIRECT_URI = 'http://127.0.0.1:53682/callback';

export interface PendingAuthorization {
  /** The authorize page to open (www.dropbox.com, or the sandbox's stand-in). */
  url: string;
  state: string;
  redirectUri: string;
}

/** Step 1 of OAuth 2 PKCE: the SDK keeps the code verifier on `auth`. */
export async function beginAuthorization(auth: DropboxAuth, redirectUri = LOOPBACK_REDIRECT_URI): Promise<PendingAuthorization> {
  const state = randomBytes(16).toString('base64url');
  const url = await auth.getAuthenticationUrl(redirectUri, state, 'code', 'offline', [...APP_SCOPES], 'none', true);
  return { url: String(url), state, redirectUri };
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

/** Step 2: redeem the code with the verifier and set the tokens on `auth` (the SDK does not). */
export async function completeAuthorization(auth: DropboxAuth, pending: PendingAuthorization, code: string): Promise<TokenSet> {
  const response = await auth.getAccessTokenFromCode(pending.redirectUri, code);
  const answer = response.result as TokenAnswer;
  if (typeof answer.access_token !== 'string') throw new AppError('auth_failed', 'Dropbox did not return an access token.');
  const tokens: TokenSet = { accessToken: answer.access_token };
  if (typeof answer.refresh_token === 'string') tokens.refreshToken = answer.refresh_token;
  if (typeof answer.expires_in === 'number') tokens.expiresAt = Date.now() + answer.expires_in * 1000;
  applyTokens(auth, tokens);
  return tokens;
}

/** The code from the redirect, after checking `state` against ours (CSRF). */
export function codeFromRedirect(location: string, pending: PendingAuthorization): string {
  const url = new URL(location);
  const params = url.searchParams;
  const error = params.get('error');
  if (error) throw new AppError('auth_failed', `Dropbox did not grant access (${params.get('error_description') ?? error}).`, error);
  if (params.get('state') !== pending.state) throw new AppError('auth_failed', 'The sign-in answer does not belong to this sign-in attempt.');
  const code = params.get('code');
  if (!code) throw new AppError('auth_failed', 'The sign-in answer carries no authorization code.');
  return code;
}
