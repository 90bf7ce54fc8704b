import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dropbox } from 'dropbox';
import { TEAM_SCOPES } from '../../../main/sandbox/index.js';
import { withSandbox, sdkError, sdkFor } from '../../support/sandbox-client.js';
import { authorize, connect, decide, openConsent, sandboxAuth, type TokenResult } from './oauth-flow.js';
import { rewriteAuthorizeUrl } from '../../../main/core/dropbox/rewrite-fetch.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

async function tokenCall(sb: Sb, query: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${sb.url}/oauth2/token?${new URLSearchParams(query)}`, { method: 'POST', ...init });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('sandbox OAuth 2 PKCE with the real SDK', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 30, seed: 3 });
  });
  afterAll(() => sb.close());

  it('shows an accessible consent page listing the active admins', async () => {
    const auth = sandboxAuth(sb);
    const url = await auth.getAuthenticationUrl('http://127.0.0.1:53682/callback', 'xyz', 'code', 'offline', ['members.read'], 'none', true);
    expect(url.startsWith('https://dropbox.com/oauth2/authorize?')).toBe(true);
    const page = await openConsent(sb, url);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<label for="admin">Sign in as<\/label>/);
    expect(page.html).toMatch(/<button type="submit" name="decision" value="allow">Allow<\/button>/);
    expect(page.html).toMatch(/<button type="submit" name="decision" value="deny">Deny<\/button>/);
    expect(page.html).toContain('members.read');
    const admins = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length > 0).map((m) => m.teamMemberId);
    expect(page.adminIds).toEqual(admins);
    expect(page.adminIds.length).toBeGreaterThanOrEqual(3);
  });

  it('completes the flow: code in the redirect, SDK exchange, working token', async () => {
    const { auth, code, redirectUri, location } = await authorize(sb, { state: 'state-42' });
    expect(location.origin + location.pathname).toBe(redirectUri);
    expect(location.searchParams.get('state')).toBe('state-42');

    const res = await auth.getAccessTokenFromCode(redirectUri, code);
    const token = res.result as TokenResult;
    expect(res.status).toBe(200);
    expect(token.token_type).toBe('bearer');
    expect(token.expires_in).toBe(14_400);
    expect(token.refresh_token).toMatch(/\S{20,}/);
    expect(token.team_id).toBe(sb.sandbox.store.state.team.teamId);
    expect(token.scope.split(' ')).toContain('members.read');
    // account_info.read is a user scope: the admin's own account is named.
    expect(token.account_id).toBe(sb.sandbox.store.memberById(sb.sandbox.firstAdminId())!.accountId);
    expect(res.headers.get('cache-control')).toBe('no-store');

    const dbx = sdkFor(sb, token.access_token);
    const info = await dbx.teamTokenGetAuthenticatedAdmin();
    expect(info.result.admin_profile.team_member_id).toBe(sb.sandbox.firstAdminId());
  });

  it('refuses a wrong code verifier, a reused code and a different redirect_uri with invalid_grant', async () => {
    const wrong = await authorize(sb);
    wrong.auth.setCodeVerifier('W'.repeat(128));
    const e1 = await sdkError(wrong.auth.getAccessTokenFromCode(wrong.redirectUri, wrong.code));
    expect(e1.status).toBe(400);
    expect(e1.error.error).toBe('invalid_grant');
    expect(e1.error.error_description).toMatch(/code_verifier/);

    const ok = await authorize(sb);
    await ok.auth.getAccessTokenFromCode(ok.redirectUri, ok.code);
    const e2 = await sdkError(ok.auth.getAccessTokenFromCode(ok.redirectUri, ok.code));
    expect(e2.status).toBe(400);
    expect(e2.error.error).toBe('invalid_grant');

    const moved = await authorize(sb, { redirectUri: 'http://localhost:9999/cb' });
    const e3 = await sdkError(moved.auth.getAccessTokenFromCode('http://localhost:9998/cb', moved.code));
    expect(e3.error.error).toBe('invalid_grant');
    expect(e3.error.error_description).toMatch(/redirect_uri/);
    // Any failed attempt burns the code, even with everything else right.
    const e4 = await sdkError(moved.auth.getAccessTokenFromCode(moved.redirectUri, moved.code));
    expect(e4.error.error).toBe('invalid_grant');
  });

  it('gives the code on a page to paste when there is no redirect_uri', async () => {
    const auth = sandboxAuth(sb);
    const url = await auth.getAuthenticationUrl('', undefined, 'code', 'offline', undefined, 'none', true);
    const page = await openConsent(sb, url);
    const res = await decide(sb, { request: page.requestKey, admin: page.adminIds[1], decision: 'allow' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<label for="code">Authorization code<\/label>/);
    const code = /<input id="code" readonly value="([^"]+)"/.exec(html)?.[1] ?? '';
    const token = (await auth.getAccessTokenFromCode('', code)).result as TokenResult;
    const info = await sdkFor(sb, token.access_token).teamTokenGetAuthenticatedAdmin();
    expect(info.result.admin_profile.team_member_id).toBe(page.adminIds[1]);
  });

  it('redirects with access_denied when the admin denies', async () => {
    const auth = sandboxAuth(sb);
    const url = await auth.getAuthenticationUrl('http://[::1]:4000/cb', 'den', 'code', 'offline', undefined, 'none', true);
    const page = await openConsent(sb, url);
    const res = await decide(sb, { request: page.requestKey, admin: page.adminIds[0], decision: 'deny' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.host).toBe('[::1]:4000');
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.get('state')).toBe('den');
    expect(loc.searchParams.get('code')).toBeNull();
    // The request was answered: it cannot be allowed afterwards.
    const again = await decide(sb, { request: page.requestKey, admin: page.adminIds[0], decision: 'allow' });
    expect(again.status).toBe(400);
  });

  it('keeps the request open when the chosen member is not an eligible admin', async () => {
    const auth = sandboxAuth(sb);
    const url = await auth.getAuthenticationUrl('http://127.0.0.1:5/cb', 's', 'code', 'offline', undefined, 'none', true);
    const page = await openConsent(sb, url);
    const plain = sb.sandbox.store.state.members.find((m) => m.roleIds.length === 0 && m.status === 'active');
    const bad = await decide(sb, { request: page.requestKey, admin: plain!.teamMemberId, decision: 'allow' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/role="alert"/);
    const good = await decide(sb, { request: page.requestKey, admin: page.adminIds[0], decision: 'allow' });
    expect(good.status).toBe(302);
  });

  it('shows an error page for an unknown app or a foreign redirect_uri, never redirecting there', async () => {
    const unknown = await fetch(`${sb.url}/oauth2/authorize?response_type=code&client_id=nope&code_challenge_method=S256&code_challenge=${'a'.repeat(43)}`, { redirect: 'manual' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toMatch(/Unknown app/);

    const auth = sandboxAuth(sb);
    for (const evil of ['https://evil.example/cb', 'http://127.0.0.1.evil.example/cb', 'http://user@127.0.0.1:80/cb', 'https://127.0.0.1/cb']) {
      const url = await auth.getAuthenticationUrl(evil, 's', 'code', 'offline', undefined, 'none', true);
      const res = await fetch(rewriteAuthorizeUrl(url, sb.url), { redirect: 'manual' });
      expect(res.status, evil).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
    const fragment = new URLSearchParams({ client_id: sb.clientId, response_type: 'code', redirect_uri: 'http://127.0.0.1:80/cb#frag' });
    expect((await fetch(`${sb.url}/oauth2/authorize?${fragment}`, { redirect: 'manual' })).status).toBe(400);
  });

  it('accepts a non-loopback redirect_uri registered for the app', async () => {
    sb.sandbox.apps.register({ clientId: 'tk-web-app', name: 'Web app', scopes: new Set(['team_info.read']), redirectUris: ['https://app.example/oauth'] });
    const { location } = await authorize({ url: sb.url, clientId: 'tk-web-app' }, { redirectUri: 'https://app.example/oauth' });
    expect(location.origin).toBe('https://app.example');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('reports protocol errors to a trusted redirect_uri (bad scope, no PKCE)', async () => {
    const auth = sandboxAuth(sb);
    const url = await auth.getAuthenticationUrl('http://127.0.0.1:7/cb', 'q', 'code', 'offline', ['members.read', 'files.content.write'], 'none', true);
    const res = await fetch(rewriteAuthorizeUrl(url, sb.url), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.searchParams.get('error')).toBe('invalid_scope');
    expect(loc.searchParams.get('state')).toBe('q');

    const noPkce = await auth.getAuthenticationUrl('http://127.0.0.1:7/cb', 'q', 'code', 'offline', undefined, 'none', false);
    const res2 = await fetch(rewriteAuthorizeUrl(noPkce, sb.url), { redirect: 'manual' });
    expect(new URL(res2.headers.get('location') ?? '').searchParams.get('error')).toBe('invalid_request');
  });

  it('issues tokens with only the requested scopes: others answer 401 missing_scope', async () => {
    const { token } = await connect(sb, ['team_info.read']);
    expect(token.scope).toBe('team_info.read');
    expect(token.account_id).toBeUndefined();
    const dbx = sdkFor(sb, token.access_token);
    expect((await dbx.teamGetInfo()).status).toBe(200);
    const e = await sdkError(dbx.teamMembersListV2({ limit: 1 }));
    expect(e.status).toBe(401);
    expect(e.error.error['.tag']).toBe('missing_scope');
    expect(e.error.error.required_scope).toBe('members.read');
  });

  it('adds earlier grants with include_granted_scopes', async () => {
    const app = { url: sb.url, clientId: 'tk-second-app' };
    sb.sandbox.apps.register({ clientId: app.clientId, name: 'Second app', scopes: new Set(TEAM_SCOPES), redirectUris: [] });
    await connect(app, ['groups.read']);
    const auth = sandboxAuth(app);
    const url = await auth.getAuthenticationUrl('http://127.0.0.1:53682/callback', 's', 'code', 'offline', ['team_info.read'], 'team', true);
    const page = await openConsent(sb, url);
    const res = await decide(sb, { request: page.requestKey, admin: page.adminIds[0], decision: 'allow' });
    const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
    const token = (await auth.getAccessTokenFromCode('http://127.0.0.1:53682/callback', code)).result as TokenResult;
    expect(token.scope.split(' ').sort()).toEqual(['groups.read', 'team_info.read']);
  });

  it('answers token endpoint errors as RFC 6749 JSON', async () => {
    expect((await tokenCall(sb, { grant_type: 'password', client_id: sb.clientId })).body.error).toBe('unsupported_grant_type');
    expect((await tokenCall(sb, { grant_type: 'refresh_token' })).body.error).toBe('invalid_request');
    expect((await tokenCall(sb, { grant_type: 'refresh_token', client_id: 'nope', refresh_token: 'x' })).body.error).toBe('invalid_client');
    expect((await tokenCall(sb, { grant_type: 'refresh_token', client_id: sb.clientId, refresh_token: 'x' })).body.error).toBe('invalid_grant');
    const dup = await fetch(`${sb.url}/oauth2/token?grant_type=refresh_token&grant_type=authorization_code&client_id=${sb.clientId}`, { method: 'POST' });
    expect(dup.status).toBe(400);
    expect((await dup.json()).error).toBe('invalid_request');
    const get = await fetch(`${sb.url}/oauth2/token?grant_type=refresh_token`);
    expect(get.status).toBe(405);
  });

  it('accepts parameters in a form body as well', async () => {
    const { token } = await connect(sb);
    const res = await fetch(`${sb.url}/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token.refresh_token!, client_id: sb.clientId }).toString(),
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.token_type).toBe('bearer');
    expect(body.refresh_token).toBeUndefined();
    expect((await sdkFor(sb, body.access_token).teamGetInfo()).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(sb.url);
      const req = request({ host: u.hostname, port: u.port, path: '/oauth2/authorize', headers: { Host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});

describe('sandbox OAuth refresh and revoke', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 12, seed: 5, tokenTtlSeconds: 60 });
  });
  afterAll(() => sb.close());

  it('lets the SDK refresh a short-lived token by itself', async () => {
    const { auth, token } = await connect(sb);
    expect(token.expires_in).toBe(60);
    const dbx = new Dropbox({ auth });
    // 60 s is inside the SDK's 300 s refresh margin: it refreshes before calling.
    const res = await dbx.teamGetInfo();
    expect(res.status).toBe(200);
    expect(auth.getAccessToken()).not.toBe(token.access_token);
    expect(sb.sandbox.tokens.lookupAccess(auth.getAccessToken())?.refreshToken).toBe(token.refresh_token);
  });

  it('answers expired_access_token once tokens expire, and a refresh recovers', async () => {
    const { auth, token } = await connect(sb);
    const expire = await fetch(`${sb.url}/__sandbox/tokens/expire`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    expect(expire.status).toBe(200);
    expect((await expire.json()).expired).toBeGreaterThanOrEqual(1);
    const e = await sdkError(sdkFor(sb, token.access_token).teamGetInfo());
    expect(e.status).toBe(401);
    expect(e.error.error['.tag']).toBe('expired_access_token');
    // The CLI token does not expire.
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);

    await auth.refreshAccessToken();
    expect((await sdkFor(sb, auth.getAccessToken()).teamGetInfo()).status).toBe(200);
  });

  it('revokes the token and its refresh token with auth/token/revoke', async () => {
    const { auth, token } = await connect(sb);
    await auth.refreshAccessToken();
    const sibling = auth.getAccessToken();
    const dbx = sdkFor(sb, token.access_token);
    const res = await dbx.authTokenRevoke();
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    const e = await sdkError(dbx.teamGetInfo());
    expect(e.status).toBe(401);
    expect(e.error.error['.tag']).toBe('invalid_access_token');
    expect((await sdkError(sdkFor(sb, sibling).teamGetInfo())).error.error['.tag']).toBe('invalid_access_token');
    const r = await sdkError(auth.refreshAccessToken());
    expect(r.status).toBe(400);
    expect(r.error.error).toBe('invalid_grant');
  });

  it('stops refreshing once the granting admin is no longer an active admin', async () => {
    const { auth } = await connect(sb);
    const admin = sb.sandbox.store.memberById(sb.sandbox.firstAdminId())!;
    const roles = admin.roleIds;
    admin.roleIds = [];
    try {
      const r = await sdkError(auth.refreshAccessToken());
      expect(r.error.error).toBe('invalid_grant');
    } finally {
      admin.roleIds = roles;
    }
  });
});
