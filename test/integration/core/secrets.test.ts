import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DownloadRegistry } from '../../../main/browser-host/downloads.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/server.js';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { flowsOf } from '../../../main/sandbox/oauth/flows.js';
import type { TokenRegistry } from '../../../main/sandbox/oauth/tokens.js';
import type { Api } from '../../../preload/contract.js';
import { control } from '../sandbox/control-api.js';
import { allowAndReadCode, allowAndReadRedirect } from './consent.js';
import { startCore, type CoreFixture } from './core-fixture.js';

/**
 * A whole connect → refresh → failure cycle, driven through the browser
 * host as the renderer drives it. Every token and authorization code the
 * sandboxes issued is then looked for everywhere the app writes: RPC
 * results, SSE events, the loopback tab, console output, and every file in
 * the data dir. None may appear.
 */

/** Every token a registry holds now or issues from now on (revoked ones leave the maps, so issuing is watched too). */
function watchTokens(registry: TokenRegistry, into: Set<string>): void {
  const maps = registry as unknown as { access: Map<string, unknown>; refresh: Map<string, unknown> };
  for (const t of [...maps.access.keys(), ...maps.refresh.keys()]) into.add(t);
  const issueAccess = registry.issueAccess.bind(registry);
  const issueRefresh = registry.issueRefresh.bind(registry);
  registry.issueAccess = (...args) => {
    const t = issueAccess(...args);
    into.add(t);
    return t;
  };
  registry.issueRefresh = (...args) => {
    const t = issueRefresh(...args);
    into.add(t);
    return t;
  };
}

function watchCodes(sb: RunningSandbox, into: Set<string>): void {
  const codes = flowsOf(sb.sandbox).codes;
  const put = codes.put.bind(codes);
  codes.put = (...args) => {
    const code = put(...args);
    into.add(code);
    return code;
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

let dropbox: RunningSandbox;
let core: CoreFixture<DownloadRegistry>;
let host: BrowserHost;
const secrets = new Set<string>();
const seen: string[] = [];
const console$: string[] = [];
let sse = '';
let closeEvents: AbortController;

/** The renderer's view of the Api: POST /rpc, every answer kept. */
const rpc = new Proxy({} as Api, {
  get:
    (_t, method: string) =>
    async (arg?: unknown) => {
      const res = await fetch(`${host.origin}/rpc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: JSON.stringify({ method, arg: arg ?? null }),
      });
      const text = await res.text();
      seen.push(text);
      const envelope = JSON.parse(text) as { ok: boolean; result?: unknown; error?: { code: string } };
      if (!envelope.ok) throw Object.assign(new Error(text), envelope.error);
      return envelope.result;
    },
});

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void console$.push(args.map(String).join(' ')));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    vi.spyOn(stream, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      console$.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write);
  }

  dropbox = await startSandbox({ members: 40, seed: 9 });
  watchTokens(dropbox.sandbox.tokens, secrets);
  watchCodes(dropbox, secrets);
  core = await startCore({ members: 20 }, undefined, new DownloadRegistry(), {
    dropboxUrl: dropbox.url,
    oauthPort: 0,
    client: { scheduler: { backoffBaseMs: 20, backoffCapMs: 100, maxAttempts: 3 } },
    probe: { baseMs: 100, maxMs: 200 },
  });
  // The built-in team signed in while the core started: its tokens count too.
  watchTokens(core.service.sandboxTeam.sandbox.tokens, secrets);
  secrets.add(core.service.sandboxTeam.accessToken);
  const renderer = mkdtempSync(join(tmpdir(), 'tk-renderer-'));
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Teamkeeper</title>');
  host = await startBrowserHost({ app: core.service, downloads: core.sink, rendererDir: renderer });
  closeEvents = new AbortController();
  // The event stream opens with a one-time ticket, as the renderer opens it.
  const minted = await fetch(`${host.origin}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify({ for: 'events' }),
  });
  const { result } = (await minted.json()) as { result: { ticket: string } };
  const stream = await fetch(`${host.origin}/events?ticket=${result.ticket}`, { signal: closeEvents.signal });
  void (async () => {
    const decoder = new TextDecoder();
    const reader = stream.body!.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) sse += decoder.decode(r.value, { stream: true });
  })().catch(() => {});
});

afterAll(async () => {
  closeEvents.abort();
  vi.restoreAllMocks();
  await host.close();
  await core.service.close();
  await dropbox.close();
});

describe('no token leaves the core', () => {
  it('survives connect, refresh, revocation and failure without a token in any output', async () => {
    // Connect through the loopback redirect; the tab's page is output too.
    await rpc.getConnectGuide();
    const attempt = await rpc.startConnect({ appKey: dropbox.clientId, mode: 'loopback' });
    seen.push(await (await fetch(await allowAndReadRedirect(attempt.authorizeUrl))).text());
    const { id } = (await rpc.getActiveConnection())!;
    expect(id).toMatch(/^dbx-/);
    await rpc.getDirectory({ includeRemoved: false });
    const someone = (await rpc.getDirectory({ includeRemoved: true })).members[3].id;
    await rpc.getMemberDetail({ memberId: someone });
    await rpc.exportMembersCsv({ scope: { kind: 'team' }, columns: ['email', 'team_member_id'] });

    // Refreshes: proactive (2 s tokens), then forced by Dropbox expiring the token early.
    await control(dropbox, 'POST', 'config', { tokenTtlSeconds: 2 });
    await rpc.refreshDirectory({ includeRemoved: false });
    await sleep(2100);
    await rpc.refreshDirectory({ includeRemoved: false });
    await control(dropbox, 'POST', 'tokens/expire');
    await rpc.getMemberDetail({ memberId: someone });

    // Failures: a code pasted into the wrong attempt, the refresh token revoked, a switch that reopens it.
    const paste = await rpc.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    const other = await rpc.startConnect({ appKey: dropbox.clientId, mode: 'paste' });
    await expect(rpc.completeConnect({ attemptId: other.attemptId, code: await allowAndReadCode(paste.authorizeUrl) })).rejects.toMatchObject({ code: 'code_rejected' });
    const refreshTokens = [...secrets].filter((t) => t.startsWith('tkr-') && dropbox.sandbox.tokens.lookupRefresh(t));
    for (const t of refreshTokens) dropbox.sandbox.tokens.revokeRefresh(t);
    await expect(rpc.refreshDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'needs_reauth' });
    await rpc.switchConnection({ connectionId: 'sandbox' });
    await rpc.switchConnection({ connectionId: id });
    await rpc.listConnections();
    await rpc.disconnect({ connectionId: id });
    await rpc.listConnections();
    await sleep(100);

    // Access tokens, refresh tokens and authorization codes of both sandboxes were issued and watched.
    for (const prefix of ['sl.tk-', 'tkr-', 'tkc-']) expect([...secrets].filter((t) => t.startsWith(prefix)).length, prefix).toBeGreaterThan(1);
    expect(sse).toContain('connection.state');
    expect(sse).toContain('connect.result');
    const outputs: Array<[string, string]> = [
      ['RPC results and the loopback tab', seen.join('\n')],
      ['SSE events', sse],
      ['events in the core', JSON.stringify(core.events)],
      ['console output', console$.join('\n')],
      ...filesUnder(core.dataDir).map((f): [string, string] => [f, readFileSync(f, 'utf8')]),
    ];
    expect(outputs.some(([name]) => name.endsWith('settings.json'))).toBe(true);
    for (const [where, text] of outputs) {
      for (const token of secrets) expect(text.includes(token), `${where} holds ${token.slice(0, 8)}…`).toBe(false);
    }
  });
});
