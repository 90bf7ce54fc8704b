import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract.js';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { flowsOf } from '../../../main/sandbox/oauth/flows.js';
import { TEAM_SCOPES } from '../../../main/sandbox/oauth/scopes.js';
import { MemorySecretStore } from '../../../main/core/auth/secret-store.js';
import { refreshTokenKey } from '../../../main/core/auth/sign-in.js';
import { parseCall } from '../../../main/core/rpc.js';
import { control } from '../sandbox/control-api.js';
import { allow, allowAndReadCode, allowAndReadRedirect } from './consent.js';
import { connectByPaste as pasteInto } from './connect-steps.js';
import { MemoryExportSink, startCore, type CoreFixture, type ExtraServiceOptions } from './core-fixture.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/**
 * A team connected exactly as an admin connects a real one: the app is
 * started with --dropbox-url pointing at a separately started sandbox (here
 * behind a TCP relay, so "the network" can be cut without the sandbox
 * forgetting its tokens) and --oauth-port 0.
 */
const DROPBOX_MEMBERS = 1200;
const BUILT_IN_MEMBERS = 12;

let dropbox: RunningSandbox;
let proxy: TcpProxy;
const running: CoreFixture[] = [];

/** Short retries and probes so failures show in milliseconds. */
function fast(): ExtraServiceOptions {
  return {
    dropboxUrl: proxy.url,
    oauthPort: 0,
    client: { scheduler: { backoffBaseMs: 20, backoffCapMs: 100, maxAttempts: 4 }, requestTimeoutMs: 5000 },
    probe: { baseMs: 100, maxMs: 400 },
  };
}

async function core(reuse?: Pick<CoreFixture, 'dataDir' | 'secrets'>, extra: ExtraServiceOptions = {}): Promise<CoreFixture> {
  const c = await startCore({ members: BUILT_IN_MEMBERS }, reuse, new MemoryExportSink(), { ...fast(), ...extra });
  running.push(c);
  return c;
}

async function waitFor<T>(find: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

const stateEvents = (c: CoreFixture, id: string) =>
  c.events.filter((e): e is Extract<AppEvent, { type: 'connection.state' }> => e.type === 'connection.state' && e.connection.id === id);

const connectByPaste = (c: CoreFixture, connectionId?: string) => pasteInto(c.service, dropbox.clientId, connectionId);
const dropboxMembers = () => dropbox.sandbox.store.state.members.filter((m) => m.status !== 'removed');
const revokeLog = () => dropbox.sandbox.log.list().filter((r) => r.route === 'auth/token/revoke');

beforeAll(async () => {
  dropbox = await startSandbox({ members: DROPBOX_MEMBERS, seed: 5 });
  proxy = await startTcpProxy(dropbox.url);
});
afterEach(async () => {
  dropbox.sandbox.faults.clear();
  await control(dropbox, 'POST', 'config', { tokenTtlSeconds: 14_400 });
  await proxy.up().catch(() => {});
  while (running.length) await running.pop()!.service.close();
});
afterAll(async () => {
  await proxy.close();
  await dropbox.close();
});

describe('connect through the loopback redirect', () => {
  it('asks for PKCE with offline access, lands connected, verified, active, and shows that team', async () => {
    const c = await core();
    const guide = await c.service.getConnectGuide();
    expect(guide.scopes).toEqual(expect.arrayContaining(['members.read', 'members.write', 'members.delete', 'groups.read', 'groups.write', 'sessions.list', 'sessions.modify', 'team_info.read', 'team_data.member']));

    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    expect(attempt.opened).toBe(false);
    const url = new URL(attempt.authorizeUrl);
    expect(url.origin).toBe(proxy.url);
    expect(url.pathname).toBe('/oauth2/authorize');
    const q = url.searchParams;
    expect(q.get('client_id')).toBe(dropbox.clientId);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('token_access_type')).toBe('offline');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('state')!.length).toBeGreaterThanOrEqual(16);
    expect(q.get('scope')!.split(' ')).toEqual(guide.scopes);
    const redirectUri = new URL(q.get('redirect_uri')!);
    expect(redirectUri.hostname).toBe('127.0.0.1');
    expect(redirectUri.pathname).toBe('/callback');

    const redirect = await allowAndReadRedirect(attempt.authorizeUrl);
    expect(redirect.origin).toBe(redirectUri.origin);
    const tab = await fetch(redirect);
    expect(tab.status).toBe(200);
    expect(await tab.text()).toContain('You can close this tab');
    // One attempt, one answer: the listener is gone.
    await expect(fetch(redirect)).rejects.toThrow();

    const result = c.events.find((e) => e.type === 'connect.result');
    expect(result).toMatchObject({ type: 'connect.result', attemptId: attempt.attemptId, ok: true });
    const team = dropbox.sandbox.store.state.team;
    const admin = dropbox.sandbox.store.state.members[0];
    const connected = await c.service.getActiveConnection();
    expect(connected).toMatchObject({
      id: `dbx-${team.teamId}`,
      kind: 'dropbox',
      label: team.name,
      teamName: team.name,
      state: 'connected',
      active: true,
      admin: { email: admin.email },
      licenses: { licensed: expect.any(Number), provisioned: expect.any(Number) },
    });
    expect(c.events).toContainEqual({ type: 'connection.active', connection: expect.objectContaining({ id: connected!.id, active: true }) });
    expect((await c.service.listConnections()).map((s) => [s.id, s.active])).toEqual([
      ['sandbox', false],
      [connected!.id, true],
    ]);

    const snapshot = await c.service.getDirectory({ includeRemoved: false });
    expect(snapshot.connectionId).toBe(connected!.id);
    expect(snapshot.members).toHaveLength(dropboxMembers().length);

    // The refresh token went to the SecretStore; settings hold the record only.
    const refresh = await c.secrets.get(refreshTokenKey(connected!.id));
    expect(dropbox.sandbox.tokens.lookupRefresh(refresh!)).toMatchObject({ clientId: dropbox.clientId });
    const settings = JSON.parse(readFileSync(join(c.dataDir, 'settings.json'), 'utf8'));
    expect(settings.activeConnectionId).toBe(connected!.id);
    expect(settings.connections[1]).toEqual({ id: connected!.id, kind: 'dropbox', label: team.name, clientId: dropbox.clientId, teamId: team.teamId, teamName: team.name, apiOrigin: proxy.url });
  });

  it('rejects an answer whose state is not this attempt’s, without redeeming the code', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    const redirect = await allowAndReadRedirect(attempt.authorizeUrl);
    const code = redirect.searchParams.get('code')!;
    const forged = new URL(redirect);
    forged.searchParams.set('state', 'forged-state');
    const tab = await fetch(forged);
    expect(tab.status).toBe(400);
    expect(await tab.text()).toContain('does not belong to the sign-in Teamkeeper is waiting for');
    // No exchange happened: the code is still unused at Dropbox, and no team was added.
    expect(flowsOf(dropbox.sandbox).codes.peek(code)).toBeDefined();
    expect(await c.service.listConnections()).toHaveLength(1);
    // Any page can request /callback: the forged answer did not end the attempt, the real one still lands.
    expect(c.events.find((e) => e.type === 'connect.result')).toBeUndefined();
    expect((await fetch(redirect)).status).toBe(200);
    expect(c.events.find((e) => e.type === 'connect.result')).toMatchObject({ ok: true });
  });

  it('rejects a code obtained with a tampered PKCE challenge (the verifier does not match)', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    const tampered = new URL(attempt.authorizeUrl);
    // A valid S256 challenge of some other verifier.
    tampered.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const redirect = await allowAndReadRedirect(tampered.href);
    const tab = await fetch(redirect);
    expect(tab.status).toBe(400);
    const result = c.events.find((e) => e.type === 'connect.result');
    expect(result).toMatchObject({ ok: false, error: { code: 'code_rejected', dropboxTag: 'invalid_grant' } });
    expect(await c.service.listConnections()).toHaveLength(1);
    expect((await c.service.getActiveConnection())!.id).toBe('sandbox');
  });

  it('says which permission to enable when the app lacks a scope', async () => {
    const c = await core();
    dropbox.sandbox.apps.register({ clientId: 'tk-narrow-app', name: 'Narrow', scopes: new Set(TEAM_SCOPES.filter((s) => s !== 'members.write')), redirectUris: [] });
    const attempt = await c.service.startConnect({ appKey: 'tk-narrow-app', mode: 'loopback' });
    const refused = await fetch(attempt.authorizeUrl, { redirect: 'manual' });
    expect(refused.status).toBe(302);
    const tab = await fetch(refused.headers.get('location')!);
    expect(tab.status).toBe(400);
    expect(await tab.text()).toContain('members.write');
    expect(c.events.find((e) => e.type === 'connect.result')).toMatchObject({
      ok: false,
      error: {
        code: 'missing_scope',
        message: "Teamkeeper needs the members.write permission. In the Dropbox App Console, open your app's Permissions tab, tick members.write, submit, then reconnect.",
      },
    });
  });

  it('ends the attempt when the admin denies access, and on cancel', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    const page = await allow(attempt.authorizeUrl).then(async (r) => {
      await r.body?.cancel();
      return r;
    });
    expect(page.status).toBe(302);
    const denied = new URL(page.headers.get('location')!);
    denied.searchParams.delete('code');
    denied.searchParams.set('error', 'access_denied');
    await (await fetch(denied)).text();
    expect(c.events.find((e) => e.type === 'connect.result')).toMatchObject({ ok: false, error: { code: 'access_denied' } });

    const second = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    const listener = new URL(second.authorizeUrl).searchParams.get('redirect_uri')!;
    await c.service.cancelConnect({ attemptId: second.attemptId });
    await expect(fetch(listener)).rejects.toThrow();
    await expect(c.service.completeConnect({ attemptId: second.attemptId, code: 'x' })).rejects.toMatchObject({ code: 'unknown_attempt' });
  });
});

describe('connect by pasting the code', () => {
  it('connects without a redirect URI; connecting the same team again replaces its tokens', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    expect(new URL(attempt.authorizeUrl).searchParams.has('redirect_uri')).toBe(false);
    const first = await c.service.completeConnect({ attemptId: attempt.attemptId, code: await allowAndReadCode(attempt.authorizeUrl) });
    expect(first).toMatchObject({ kind: 'dropbox', state: 'connected', active: true });
    const firstToken = await c.secrets.get(refreshTokenKey(first.id));

    const again = await connectByPaste(c);
    expect(again.id).toBe(first.id);
    expect(await c.service.listConnections()).toHaveLength(2);
    expect(await c.secrets.get(refreshTokenKey(first.id))).not.toBe(firstToken);
  });

  it('refuses a code that was already used, and an unknown attempt', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    const code = await allowAndReadCode(attempt.authorizeUrl);
    const other = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    // The code belongs to the first attempt's PKCE challenge: the second attempt's verifier does not match.
    await expect(c.service.completeConnect({ attemptId: other.attemptId, code })).rejects.toMatchObject({ code: 'code_rejected' });
    // Dropbox burns a code on the first try, right or wrong: the used code stays refused on every retry
    // (a refused paste may be corrected, see below), and after five refusals the attempt itself is gone.
    for (let i = 0; i < 5; i++) {
      await expect(c.service.completeConnect({ attemptId: attempt.attemptId, code })).rejects.toMatchObject({ code: 'code_rejected' });
    }
    await expect(c.service.completeConnect({ attemptId: attempt.attemptId, code })).rejects.toMatchObject({ code: 'unknown_attempt' });
    expect(await c.service.listConnections()).toHaveLength(1);
  });

  it('lets the admin correct a mistyped code without approving again', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    const code = await allowAndReadCode(attempt.authorizeUrl);
    const typo = `${code.slice(0, -1)}${code.endsWith('x') ? 'y' : 'x'}`;
    await expect(c.service.completeConnect({ attemptId: attempt.attemptId, code: typo })).rejects.toMatchObject({
      code: 'code_rejected',
      message: expect.stringContaining('paste it again'),
    });
    expect(await c.service.listConnections()).toHaveLength(1);
    // The same attempt, the code Dropbox really issued: connected, no second approval.
    const connected = await c.service.completeConnect({ attemptId: attempt.attemptId, code });
    expect(connected).toMatchObject({ kind: 'dropbox', state: 'connected', active: true });
    expect(await c.service.listConnections()).toHaveLength(2);
    // Used up once it has succeeded.
    await expect(c.service.completeConnect({ attemptId: attempt.attemptId, code })).rejects.toMatchObject({ code: 'unknown_attempt' });
  });

  it('refuses an unknown app key with a clear message', async () => {
    const c = await core();
    const attempt = await c.service.startConnect({ appKey: 'no-such-app', mode: 'paste' });
    const page = await fetch(attempt.authorizeUrl);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('No app with the key');
  });
});

describe('token lifetime', () => {
  it('keeps working through refreshes, one refresh however many calls wait', async () => {
    await control(dropbox, 'POST', 'config', { tokenTtlSeconds: 2 });
    const c = await core();
    const { id } = await connectByPaste(c);
    const snapshot = await c.service.getDirectory({ includeRemoved: false });
    const someMembers = snapshot.members.slice(0, 8).map((m) => m.id);

    // The 2 s token is now stale: every call below waits for the same refresh.
    await sleep(2100);
    c.events.length = 0;
    const results = await Promise.all([c.service.refreshDirectory({ includeRemoved: false }), ...someMembers.map((memberId) => c.service.getMemberDetail({ memberId }))]);
    expect(results).toHaveLength(9);
    expect(stateEvents(c, id).map((e) => e.connection.state)).toEqual(['refreshing', 'connected']);

    // Dropbox expires the token early (the client still thinks it valid): 401 expired_access_token → one refresh, then each call again.
    await control(dropbox, 'POST', 'config', { tokenTtlSeconds: 3600 });
    await sleep(2100);
    await c.service.getMemberDetail({ memberId: someMembers[0] });
    await control(dropbox, 'POST', 'tokens/expire');
    dropbox.sandbox.log.clear();
    c.events.length = 0;
    await Promise.all(someMembers.map((memberId) => c.service.getMemberDetail({ memberId })));
    expect(dropbox.sandbox.log.list().filter((r) => r.errorTag === 'expired_access_token').length).toBeGreaterThan(0);
    expect(stateEvents(c, id).map((e) => e.connection.state)).toEqual(['refreshing', 'connected']);
    expect((await c.service.getActiveConnection())!.state).toBe('connected');
  });

  it('asks to sign in again when the refresh token is revoked, and re-authorises in place', async () => {
    const c = await core();
    const { id, teamName } = await connectByPaste(c);
    await c.service.getDirectory({ includeRemoved: false });
    dropbox.sandbox.tokens.revokeRefresh((await c.secrets.get(refreshTokenKey(id)))!);

    await expect(c.service.refreshDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'needs_reauth', dropboxTag: 'invalid_access_token' });
    const reauth = stateEvents(c, id).at(-1)!.connection;
    expect(reauth).toMatchObject({ state: 'needs_reauth', problem: { code: 'needs_reauth' } });
    expect(reauth.problem!.message.startsWith(`Sign in to ${teamName} again. `)).toBe(true);
    // Nothing more is sent until the admin signs in again.
    dropbox.sandbox.log.clear();
    await expect(c.service.getDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'needs_reauth' });
    expect(dropbox.sandbox.log.list()).toEqual([]);

    // Opening it again redeems the stored refresh token: invalid_grant.
    await c.service.switchConnection({ connectionId: 'sandbox' });
    expect(await c.service.switchConnection({ connectionId: id })).toMatchObject({ state: 'needs_reauth', problem: { dropboxTag: 'invalid_grant' } });

    const again = await connectByPaste(c, id);
    expect(again).toMatchObject({ id, state: 'connected', active: true });
    expect(again.problem).toBeUndefined();
    expect(await c.service.listConnections()).toHaveLength(2);
    await expect(c.service.refreshDirectory({ includeRemoved: false })).resolves.toMatchObject({ connectionId: id });
  });
});

describe('faults on the way to Dropbox', () => {
  it('429 storms, 5xx and dropped connections on reads: the sync completes, nothing is doubled', async () => {
    const c = await core();
    const { id } = await connectByPaste(c);
    for (const route of ['team/members/list_v2', 'team/members/list/continue_v2', 'team/groups/list', 'team/members/get_available_team_member_roles']) {
      dropbox.sandbox.faults.add({ route, fault: 429, count: 1, retryAfter: 1 });
      dropbox.sandbox.faults.add({ route, fault: 500, count: 1 });
      dropbox.sandbox.faults.add({ route, fault: 'drop', count: 1 });
      dropbox.sandbox.faults.add({ route, fault: 503, count: 1 });
    }
    dropbox.sandbox.log.clear();
    const started = Date.now();
    const snapshot = await c.service.refreshDirectory({ includeRemoved: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(snapshot.members).toHaveLength(dropboxMembers().length);
    expect(new Set(snapshot.members.map((m) => m.id)).size).toBe(snapshot.members.length);
    expect(snapshot.groups).toHaveLength(dropbox.sandbox.store.state.groups.length);
    expect(dropbox.sandbox.faults.pending()).toEqual([]);
    const pages = dropbox.sandbox.log.list().filter((r) => r.route.startsWith('team/members/list') && r.status === 200);
    expect(pages).toHaveLength(Math.ceil(dropboxMembers().length / 1000));
    expect(stateEvents(c, id).map((e) => e.connection.state)).not.toContain('offline');
  });

  it('goes offline when Dropbox cannot be reached and comes back by itself', async () => {
    const c = await core();
    const { id } = await connectByPaste(c);
    await c.service.getDirectory({ includeRemoved: false });
    await proxy.down();
    await expect(c.service.refreshDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'network' });
    expect(stateEvents(c, id).at(-1)!.connection).toMatchObject({ state: 'offline', problem: { code: 'network' } });
    // The cached directory still answers.
    await expect(c.service.getDirectory({ includeRemoved: false })).resolves.toMatchObject({ connectionId: id });

    await sleep(300);
    await proxy.up();
    await waitFor(() => (stateEvents(c, id).at(-1)!.connection.state === 'connected' ? true : undefined), 'the probe to reconnect');
    expect((await c.service.getActiveConnection())!.problem).toBeUndefined();
    await expect(c.service.refreshDirectory({ includeRemoved: false })).resolves.toMatchObject({ connectionId: id });
  });
});

describe('several connections', () => {
  it('switches, renames and disconnects (revoking the token at Dropbox); the sandbox stays', async () => {
    const c = await core();
    const { id } = await connectByPaste(c);
    const refresh = (await c.secrets.get(refreshTokenKey(id)))!;

    c.events.length = 0;
    expect(await c.service.switchConnection({ connectionId: 'sandbox' })).toMatchObject({ id: 'sandbox', active: true, state: 'connected' });
    expect(c.events).toContainEqual({ type: 'connection.active', connection: expect.objectContaining({ id: 'sandbox' }) });
    const builtIn = await c.service.getDirectory({ includeRemoved: true });
    expect(builtIn).toMatchObject({ connectionId: 'sandbox' });
    expect(builtIn.members).toHaveLength(BUILT_IN_MEMBERS);
    expect((await c.service.listConnections()).find((s) => s.id === id)).toMatchObject({ active: false, state: 'connected' });
    await c.service.switchConnection({ connectionId: id });
    expect((await c.service.getDirectory({ includeRemoved: false })).connectionId).toBe(id);

    expect(await c.service.renameConnection({ connectionId: id, label: 'Acme (production)' })).toMatchObject({ label: 'Acme (production)' });
    expect(stateEvents(c, id).at(-1)!.connection.label).toBe('Acme (production)');
    expect(JSON.parse(readFileSync(join(c.dataDir, 'settings.json'), 'utf8')).connections[1].label).toBe('Acme (production)');
    expect(parseCall('renameConnection', { connectionId: id, label: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await expect(c.service.renameConnection({ connectionId: 'nope', label: 'x' })).rejects.toMatchObject({ code: 'unknown_connection' });

    await expect(c.service.disconnect({ connectionId: 'sandbox' })).rejects.toMatchObject({
      code: 'sandbox_permanent',
      message: 'The sandbox team is always available and cannot be disconnected.',
    });

    const revokedBefore = revokeLog().length;
    c.events.length = 0;
    await c.service.disconnect({ connectionId: id });
    expect(revokeLog().slice(revokedBefore)).toMatchObject([{ status: 200 }]);
    expect(dropbox.sandbox.tokens.lookupRefresh(refresh)).toBeUndefined();
    expect(await c.secrets.get(refreshTokenKey(id))).toBeUndefined();
    expect(await c.service.listConnections()).toEqual([expect.objectContaining({ id: 'sandbox', active: true })]);
    expect(c.events).toContainEqual({ type: 'connection.active', connection: expect.objectContaining({ id: 'sandbox' }) });
    const settings = JSON.parse(readFileSync(join(c.dataDir, 'settings.json'), 'utf8'));
    expect(settings).toMatchObject({ activeConnectionId: 'sandbox', connections: [{ id: 'sandbox' }] });
    expect(settings.connections).toHaveLength(1);
  });

  it('a second disconnect of the same team while the first is revoking sends no second revoke', async () => {
    const c = await core();
    const { id } = await connectByPaste(c);
    const revokedBefore = revokeLog().length;
    const first = c.service.disconnect({ connectionId: id });
    const second = c.service.disconnect({ connectionId: id });
    await expect(second).rejects.toMatchObject({ code: 'unknown_connection' });
    await first;
    expect(revokeLog().slice(revokedBefore)).toMatchObject([{ status: 200 }]);
    expect(await c.secrets.get(refreshTokenKey(id))).toBeUndefined();
    expect(await c.service.listConnections()).toEqual([expect.objectContaining({ id: 'sandbox', active: true })]);
  });

  it('opens the team shown last at start; without a saved sign-in it asks to sign in again; --sandbox shows the sandbox', async () => {
    const first = await core();
    const { id, teamName } = await connectByPaste(first);
    await first.service.close();
    running.splice(running.indexOf(first), 1);

    const restarted = await core(first);
    expect(await restarted.service.getActiveConnection()).toMatchObject({ id, state: 'connected', active: true });
    await expect(restarted.service.getDirectory({ includeRemoved: false })).resolves.toMatchObject({ connectionId: id });
    await restarted.service.close();
    running.splice(running.indexOf(restarted), 1);

    const browserRestart = await core({ dataDir: first.dataDir, secrets: new MemorySecretStore() }, { secretsPersist: false });
    const shown = (await browserRestart.service.getActiveConnection())!;
    expect(shown).toMatchObject({ id, state: 'needs_reauth' });
    expect(shown.problem!.message).toBe(`Sign in to ${teamName} again. In browser mode Teamkeeper keeps a sign-in only while it runs.`);
    await expect(browserRestart.service.getDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'needs_reauth' });
    await browserRestart.service.close();
    running.splice(running.indexOf(browserRestart), 1);

    const practice = await core(first, { preferSandbox: true });
    expect(await practice.service.getActiveConnection()).toMatchObject({ id: 'sandbox', state: 'connected' });
    expect((await practice.service.listConnections()).map((s) => s.id)).toEqual(['sandbox', id]);
  });
});
