import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, sdkFor } from '../../support/sandbox-client.js';
import { TEAM_SCOPES } from '../../../main/sandbox/oauth/scopes.js';
import { control } from './control-api.js';
import { rewriteAuthorizeUrl } from '../../../main/core/dropbox/rewrite-fetch.js';
import { authorize, connect, sandboxAuth } from './oauth-flow.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

/** grant_type=refresh_token as the SDK sends it; answers the status and the RFC 6749 error, if any. */
async function refreshWith(sb: Sb, clientId: string, refreshToken: string): Promise<{ status: number; error?: string }> {
  const res = await fetch(`${sb.url}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId }).toString(),
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, error: body.error };
}

/** "ok", or the status and tag a token gets back from team/get_info. */
async function tokenTag(sb: Sb, accessToken: string): Promise<string> {
  try {
    await sdkFor(sb, accessToken).teamGetInfo();
    return 'ok';
  } catch (e: any) {
    return `${e.status} ${e.error?.error?.['.tag']}`;
  }
}

describe('sandbox control API: apps', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 12, seed: 21 });
  });
  afterAll(() => sb.close());

  it('lists the default app, with its scopes and no secret', async () => {
    const { status, body } = await control(sb, 'GET', 'apps');
    expect(status).toBe(200);
    expect(body.apps).toEqual([{ clientId: sb.clientId, name: 'Teamkeeper', scopes: [...TEAM_SCOPES], redirectUris: [] }]);
  });

  it('registers an app whose tokens carry only its scopes', async () => {
    const res = await control(sb, 'POST', 'apps', { clientId: 'tk-narrow-app', scopes: ['team_info.read', 'team_info.read'] });
    expect(res.status).toBe(200);
    expect(res.body.app).toEqual({ clientId: 'tk-narrow-app', name: 'tk-narrow-app', scopes: ['team_info.read'], redirectUris: [] });
    expect((await control(sb, 'GET', 'apps')).body.apps.map((a: { clientId: string }) => a.clientId)).toEqual([sb.clientId, 'tk-narrow-app']);

    const narrow = { url: sb.url, clientId: 'tk-narrow-app' };
    const { token } = await connect(narrow);
    expect(token.scope).toBe('team_info.read');
    expect((await sdkFor(sb, token.access_token).teamGetInfo()).status).toBe(200);
    const e = await sdkError(sdkFor(sb, token.access_token).teamMembersListV2({ limit: 1 }));
    expect(e.status).toBe(401);
    expect(e.error.error.required_scope).toBe('members.read');

    // Asking for a scope the app lacks is refused at the authorize step, before any consent.
    const url = await sandboxAuth(narrow).getAuthenticationUrl('http://127.0.0.1:7/cb', 'n', 'code', 'offline', ['team_info.read', 'members.read'], 'none', true);
    const refused = await fetch(rewriteAuthorizeUrl(url, sb.url), { redirect: 'manual' });
    const location = new URL(refused.headers.get('location') ?? 'about:blank');
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('error_description')).toContain('members.read');
  });

  it('replaces an app: new scopes and redirect URIs, same display name', async () => {
    const res = await control(sb, 'POST', 'apps', { clientId: 'tk-narrow-app', scopes: ['members.read', 'team_info.read'], redirectUris: ['https://app.example/oauth'] });
    expect(res.body.app).toEqual({ clientId: 'tk-narrow-app', name: 'tk-narrow-app', scopes: ['team_info.read', 'members.read'], redirectUris: ['https://app.example/oauth'] });
    const { location } = await authorize({ url: sb.url, clientId: 'tk-narrow-app' }, { redirectUri: 'https://app.example/oauth', scopes: ['members.read'] });
    expect(location.origin).toBe('https://app.example');

    const renamed = await control(sb, 'POST', 'apps', { clientId: sb.clientId, scopes: [...TEAM_SCOPES] });
    expect(renamed.body.app.name).toBe('Teamkeeper');
    expect((await control(sb, 'GET', 'apps')).body.apps).toHaveLength(2);
  });

  it('answers 400 for unknown scopes and malformed apps, registering nothing', async () => {
    const unknown = await control(sb, 'POST', 'apps', { clientId: 'tk-files-app', scopes: ['team_info.read', 'files.content.write'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('bad_request');
    expect(unknown.body.message).toContain('"files.content.write" is not a team scope');
    const bad = [
      {},
      { clientId: 'tk-x', scopes: [] },
      { clientId: 'tk-x', scopes: 'members.read' },
      { clientId: 'has space', scopes: ['members.read'] },
      { clientId: '', scopes: ['members.read'] },
      { clientId: 'tk-x', scopes: ['members.read'], clientSecret: 's3cret' },
      { clientId: 'tk-x', scopes: ['members.read'], redirectUris: ['http://app.example/oauth'] },
      { clientId: 'tk-x', scopes: ['members.read'], redirectUris: ['https://app.example/oauth#frag'] },
      { clientId: 'tk-x', scopes: ['members.read'], redirectUris: ['not a url'] },
      ['tk-x'],
    ];
    for (const b of bad) expect((await control(sb, 'POST', 'apps', b)).status, JSON.stringify(b)).toBe(400);
    const ids = (await control(sb, 'GET', 'apps')).body.apps.map((a: { clientId: string }) => a.clientId);
    expect(ids).not.toContain('tk-x');
    expect(ids).not.toContain('tk-files-app');
    expect((await control(sb, 'DELETE', 'apps')).status).toBe(405);
  });
});

describe('sandbox control API: revoking grants', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 12, seed: 22, tokenTtlSeconds: 60 });
    await control(sb, 'POST', 'apps', { clientId: 'tk-other-app', scopes: [...TEAM_SCOPES] });
  });
  afterAll(() => sb.close());

  it("revokes one app's grants and every access token minted from them, leaving other apps and the CLI token", async () => {
    const mine = await connect(sb);
    const other = await connect({ url: sb.url, clientId: 'tk-other-app' });
    const otherAgain = await connect({ url: sb.url, clientId: 'tk-other-app' });
    await other.auth.refreshAccessToken();
    const refreshed = other.auth.getAccessToken();

    const res = await control(sb, 'POST', 'tokens/revoke', { clientId: 'tk-other-app' });
    expect(res).toMatchObject({ status: 200, body: { revoked: 2 } });
    for (const t of [other.token.access_token, refreshed, otherAgain.token.access_token]) expect(await tokenTag(sb, t)).toBe('401 invalid_access_token');
    expect(await refreshWith(sb, 'tk-other-app', other.token.refresh_token!)).toEqual({ status: 400, error: 'invalid_grant' });

    expect(await tokenTag(sb, mine.token.access_token)).toBe('ok');
    expect((await refreshWith(sb, sb.clientId, mine.token.refresh_token!)).status).toBe(200);
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
    expect((await control(sb, 'POST', 'tokens/revoke', { clientId: 'tk-other-app' })).body).toEqual({ revoked: 0 });
  });

  it('revokes every grant of every app without a body; the app can be authorised again', async () => {
    const mine = await connect(sb);
    const other = await connect({ url: sb.url, clientId: 'tk-other-app' });
    const res = await control(sb, 'POST', 'tokens/revoke');
    expect(res.status).toBe(200);
    // This test's two grants, and the default app's grant left by the test before.
    expect(res.body.revoked).toBe(3);
    expect(await tokenTag(sb, mine.token.access_token)).toBe('401 invalid_access_token');
    expect(await tokenTag(sb, other.token.access_token)).toBe('401 invalid_access_token');
    expect(await refreshWith(sb, sb.clientId, mine.token.refresh_token!)).toEqual({ status: 400, error: 'invalid_grant' });
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);

    const again = await connect(sb);
    expect(await tokenTag(sb, again.token.access_token)).toBe('ok');
    expect((await control(sb, 'POST', 'tokens/revoke', {})).body).toEqual({ revoked: 1 });
  });

  it('answers 400 for a malformed body', async () => {
    for (const b of [{ clientId: '' }, { clientId: 7 }, { client: 'tk-other-app' }, []]) {
      expect((await control(sb, 'POST', 'tokens/revoke', b)).status, JSON.stringify(b)).toBe(400);
    }
    expect((await control(sb, 'GET', 'tokens/revoke')).status).toBe(405);
  });
});
