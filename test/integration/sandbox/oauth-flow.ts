import { DropboxAuth } from 'dropbox';
import type { RunningSandbox } from '../../../main/sandbox/index.js';
import { rewriteAuthorizeUrl, rewritingFetch } from '../../../main/core/dropbox/rewrite-fetch.js';

/** What the token endpoint answers for grant_type=authorization_code. */
export interface TokenResult {
  access_token: string;
  token_type: string;
  expires_in: number;
  refresh_token?: string;
  scope: string;
  team_id: string;
  account_id?: string;
}

export interface ConsentPage {
  status: number;
  html: string;
  requestKey: string;
  /** `value` of each option of the "Sign in as" select. */
  adminIds: string[];
}

/** A DropboxAuth for the sandbox's app, talking to the sandbox. */
export function sandboxAuth(sb: Pick<RunningSandbox, 'url' | 'clientId'>): DropboxAuth {
  return new DropboxAuth({ clientId: sb.clientId, fetch: rewritingFetch(sb.url) });
}

/** Fetches the consent page the SDK's authorize URL leads to. */
export async function openConsent(sb: Pick<RunningSandbox, 'url'>, sdkAuthorizeUrl: string): Promise<ConsentPage> {
  const res = await fetch(rewriteAuthorizeUrl(sdkAuthorizeUrl, sb.url));
  const html = await res.text();
  const requestKey = /name="request" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const select = /<select id="admin"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? '';
  const adminIds = [...select.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  return { status: res.status, html, requestKey, adminIds };
}

/** Submits the consent form as a browser would, without following the redirect. */
export function decide(sb: Pick<RunningSandbox, 'url'>, fields: Record<string, string>): Promise<Response> {
  return fetch(`${sb.url}/oauth2/authorize/decide`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

/**
 * The whole browser half of PKCE: SDK authorize URL → consent page → Allow as
 * the first admin → the code from the redirect. The verifier stays on `auth`.
 */
export async function authorize(
  sb: Pick<RunningSandbox, 'url' | 'clientId'>,
  opts: { redirectUri?: string; scopes?: string[]; state?: string; auth?: DropboxAuth } = {},
): Promise<{ auth: DropboxAuth; code: string; redirectUri: string; location: URL }> {
  const auth = opts.auth ?? sandboxAuth(sb);
  const redirectUri = opts.redirectUri ?? 'http://127.0.0.1:53682/callback';
  const url = await auth.getAuthenticationUrl(redirectUri, opts.state ?? 'st-1', 'code', 'offline', opts.scopes, 'none', true);
  const page = await openConsent(sb, url);
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${page.html}`);
  const res = await decide(sb, { request: page.requestKey, admin: page.adminIds[0], decision: 'allow' });
  const location = new URL(res.headers.get('location') ?? 'about:blank');
  const code = location.searchParams.get('code');
  if (res.status !== 302 || !code) throw new Error(`decision answered ${res.status} to ${location.href}`);
  return { auth, code, redirectUri, location };
}

/** authorize() then the SDK's own code exchange. */
export async function connect(sb: Pick<RunningSandbox, 'url' | 'clientId'>, scopes?: string[]): Promise<{ auth: DropboxAuth; token: TokenResult }> {
  const { auth, code, redirectUri } = await authorize(sb, { scopes });
  const res = await auth.getAccessTokenFromCode(redirectUri, code);
  const token = res.result as TokenResult;
  auth.setAccessToken(token.access_token);
  auth.setRefreshToken(token.refresh_token ?? '');
  auth.setAccessTokenExpiresAt(new Date(Date.now() + token.expires_in * 1000));
  return { auth, token };
}
