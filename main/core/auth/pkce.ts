import { randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';
import type { TokenAuth } from '../dropbox/token-auth.js';
import { APP_SCOPES } from './scopes.js';

/** The port of the loopback redirect an admin registers in the App Console (RFC 8252). */
export const DEFAULT_OAUTH_PORT = 53682;

/** Where the loopback listener receives Dropbox's redirect. */
export const CALLBACK_PATH = '/callback';

export function loopbackRedirectUri(port: number): string {
  return `http://127.0.0.1:${port}${CALLBACK_PATH}`;
}

export const LOOPBACK_REDIRECT_URI = loopbackRedirectUri(DEFAULT_OAUTH_PORT);

export interface PendingAuthorization {
  /** The authorize page to open (www.dropbox.com, or the sandbox's stand-in). */
  url: string;
  state: string;
  /** Absent for the paste-the-code flow: Dropbox then shows the code instead of redirecting. */
  redirectUri?: string;
}

/**
 * Step 1 of OAuth 2 PKCE (S256, offline access): the SDK keeps the code
 * verifier on `auth`. `null`: no redirect, Dropbox shows the code to paste.
 */
export async function beginAuthorization(auth: TokenAuth, redirectUri: string | null = LOOPBACK_REDIRECT_URI): Promise<PendingAuthorization> {
  const state = randomBytes(16).toString('base64url');
  const url = await auth.getAuthenticationUrl(redirectUri ?? '', state, 'code', 'offline', [...APP_SCOPES], 'none', true);
  return { url: String(url), state, ...(redirectUri ? { redirectUri } : {}) };
}

interface TokenAnswer {
  access_token?: unknown;
  refresh_token?: unknown;
  expires_in?: unknown;
}

/** Step 2: redeem the code with the verifier and put the tokens on `auth` (the SDK does not). */
export async function completeAuthorization(auth: TokenAuth, pending: PendingAuthorization, code: string): Promise<void> {
  const response = await auth.getAccessTokenFromCode(pending.redirectUri ?? '', code);
  const answer = response.result as TokenAnswer;
  if (typeof answer.access_token !== 'string') throw new AppError('auth_failed', 'Dropbox did not return an access token.');
  auth.setTokens({
    accessToken: answer.access_token,
    ...(typeof answer.refresh_token === 'string' ? { refreshToken: answer.refresh_token } : {}),
    ...(typeof answer.expires_in === 'number' ? { expiresIn: answer.expires_in } : {}),
  });
}

/** The code from a redirect's query, after checking `state` against ours (CSRF). */
export function codeFromRedirect(location: string, pending: PendingAuthorization): string {
  const params = new URL(location).searchParams;
  if (params.get('state') !== pending.state) throw new AppError('state_mismatch', 'The answer from Dropbox does not belong to this sign-in attempt, so it was ignored. Start connecting again.');
  const error = params.get('error');
  if (error === 'access_denied') throw new AppError('access_denied', 'Access was not allowed on the Dropbox page. Start connecting again and choose Allow.', error);
  if (error) throw new AppError('auth_failed', `Dropbox did not grant access (${(params.get('error_description') ?? error).slice(0, 200)}).`, error);
  const code = params.get('code');
  if (!code) throw new AppError('auth_failed', 'The answer from Dropbox carries no authorization code.');
  return code;
}
