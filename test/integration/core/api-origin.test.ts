import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { refreshTokenKey } from '../../../main/core/auth/sign-in.js';
import { parseLaunchArgs } from '../../../main/core/launch-options.js';
import { connectByPaste } from './connect-steps.js';
import { MemoryExportSink, startCore, type CoreFixture, type ExtraServiceOptions } from './core-fixture.js';
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js';

/**
 * A sign-in is bound to the server it was made with. Sandbox A plays the
 * server a team was connected through; sandbox B, behind a relay that keeps
 * every request, plays the server a later run is pointed at (the audit's
 * TEAMKEEPER_DROPBOX_URL set to someone else's server).
 */
let a: RunningSandbox;
let b: RunningSandbox;
let bRelay: RecordingProxy;
const running: CoreFixture[] = [];

const fast: ExtraServiceOptions = {
  oauthPort: 0,
  client: { scheduler: { backoffBaseMs: 20, backoffCapMs: 100, maxAttempts: 2 }, requestTimeoutMs: 5000 },
  probe: { baseMs: 100, maxMs: 400 },
};

async function core(reuse: Pick<CoreFixture, 'dataDir' | 'secrets'> | undefined, dropboxUrl: string | undefined): Promise<CoreFixture> {
  const c = await startCore({ members: 8 }, reuse, new MemoryExportSink(), { ...fast, dropboxUrl });
  running.push(c);
  return c;
}

async function stop(c: CoreFixture): Promise<void> {
  running.splice(running.indexOf(c), 1);
  await c.service.close();
}

/** The launch options of a run started with only the environment variable set. */
function fromEnvironment(url: string): string | undefined {
  const parsed = parseLaunchArgs([], '/', false, { TEAMKEEPER_DROPBOX_URL: url });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options.dropboxUrl;
}

/** Connects a team through sandbox A and stops the app: the saved sign-in belongs to A. */
async function connectedThroughA(): Promise<{ first: CoreFixture; id: string; token: string }> {
  const first = await core(undefined, a.url);
  const { id } = await connectByPaste(first.service, a.clientId);
  const token = (await first.secrets.get(refreshTokenKey(id)))!;
  await stop(first);
  return { first, id, token };
}

beforeAll(async () => {
  [a, b] = await Promise.all([startSandbox({ members: 20, seed: 3 }), startSandbox({ members: 20, seed: 4 })]);
  bRelay = await startRecordingProxy(b.url);
});
afterEach(async () => {
  bRelay.requests.length = 0;
  while (running.length) await running.pop()!.service.close();
});
afterAll(async () => {
  await bRelay.close();
  await Promise.all([a.close(), b.close()]);
});

describe('a saved sign-in stays with the server it was made with', () => {
  it('records the server with the connection (not the token) in settings', async () => {
    const { first, id, token } = await connectedThroughA();
    const settings = JSON.parse(readFileSync(join(first.dataDir, 'settings.json'), 'utf8'));
    expect(settings.connections.find((r: { id: string }) => r.id === id)).toMatchObject({ apiOrigin: a.url });
    expect(JSON.stringify(settings)).not.toContain(token);
  });

  it('started again with TEAMKEEPER_DROPBOX_URL pointing elsewhere: closed, says why, and the token goes nowhere', async () => {
    const { first, id, token } = await connectedThroughA();
    const other = await core(first, fromEnvironment(bRelay.url));
    const shown = (await other.service.listConnections()).find((s) => s.id === id)!;
    expect(shown).toMatchObject({ state: 'needs_reauth', problem: { code: 'other_server' } });
    expect(shown.problem!.message).toContain(a.url);
    expect(shown.problem!.message).toContain(bRelay.url);
    await other.service.switchConnection({ connectionId: id });
    await expect(other.service.getDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'other_server' });
    // Nothing reached B: no token request, and the token in no request at all.
    expect(bRelay.requests.filter((r) => r.url.startsWith('/oauth2/token'))).toEqual([]);
    expect(bRelay.requests.filter((r) => JSON.stringify(r).includes(token))).toEqual([]);
    // Disconnecting it there forgets the token without sending it anywhere.
    await other.service.disconnect({ connectionId: id });
    expect(bRelay.requests).toEqual([]);
    expect(await other.secrets.get(refreshTokenKey(id))).toBeUndefined();
    expect(a.sandbox.tokens.lookupRefresh(token)).toBeDefined();
  });

  it('started without an override, a team connected through a sandbox does not go to Dropbox; back on that sandbox it works', async () => {
    const { first, id, token } = await connectedThroughA();
    const plain = await core(first, undefined);
    const shown = (await plain.service.listConnections()).find((s) => s.id === id)!;
    expect(shown).toMatchObject({ state: 'needs_reauth', problem: { code: 'other_server' } });
    expect(shown.problem!.message).toContain(a.url);
    await stop(plain);
    // The token was neither used nor forgotten: the run that may use it still can.
    expect(await first.secrets.get(refreshTokenKey(id))).toBe(token);
    const back = await core(first, a.url);
    expect((await back.service.listConnections()).find((s) => s.id === id)).toMatchObject({ state: 'connected' });
  });

  it('a connection saved before servers were recorded counts as made with Dropbox: an override never receives its token', async () => {
    const { first, id, token } = await connectedThroughA();
    const path = join(first.dataDir, 'settings.json');
    const settings = JSON.parse(readFileSync(path, 'utf8'));
    for (const r of settings.connections) delete r.apiOrigin;
    writeFileSync(path, JSON.stringify(settings));
    const other = await core(first, bRelay.url);
    const shown = (await other.service.listConnections()).find((s) => s.id === id)!;
    expect(shown).toMatchObject({ state: 'needs_reauth', problem: { code: 'other_server' } });
    expect(shown.problem!.message).toContain('Dropbox');
    expect(bRelay.requests.filter((r) => r.url.startsWith('/oauth2/token') || JSON.stringify(r).includes(token))).toEqual([]);
  });

  it('re-authorising a team in place records the server it signed in with', async () => {
    const { first, id } = await connectedThroughA();
    const again = await core(first, a.url);
    const settingsPath = join(first.dataDir, 'settings.json');
    await connectByPaste(again.service, a.clientId, id);
    const record = JSON.parse(readFileSync(settingsPath, 'utf8')).connections.find((r: { id: string }) => r.id === id);
    expect(record.apiOrigin).toBe(a.url);
  });
});
