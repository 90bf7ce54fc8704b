import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../preload/contract.js';
import { DownloadRegistry } from '../../../main/browser-host/downloads.js';
import { startBrowserHost, type BrowserHost } from '../../../main/browser-host/server.js';
import { startCore, type CoreFixture } from '../core/core-fixture.js';

let core: CoreFixture<DownloadRegistry>;
let host: BrowserHost;

function rendererFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tk-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Teamkeeper</title><script type="module" src="./assets/app-1.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log("app")');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  writeFileSync(join(dir, '..', 'outside.txt'), 'outside the renderer');
  return dir;
}

const listCalls = () => core.service.sandboxTeam!.sandbox.log.list().filter((r) => r.route.startsWith('team/members/list')).length;

function rpc(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${host.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A ticket for /events or one download, minted with the session token (which itself never goes in a URL). */
async function ticket(body: unknown): Promise<string> {
  const res = await fetch(`${host.origin}/tickets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(body),
  });
  const envelope = await res.json();
  if (res.status !== 200) throw new Error(`ticket: ${res.status} ${JSON.stringify(envelope)}`);
  return envelope.result.ticket;
}

/** An array nested `depth` deep: [[[…]]]. */
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/** A raw request, for headers fetch() will not let us forge (Host). */
function raw(path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  core = await startCore({ members: 1500 }, undefined, new DownloadRegistry());
  host = await startBrowserHost({ app: core.service, downloads: core.sink, rendererDir: rendererFixture() });
});
afterAll(async () => {
  await host.close();
  await core.service.close();
});

describe('static files', () => {
  it('serves the app without a token, with a strict CSP and the right types', async () => {
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const js = await fetch(`${host.origin}/assets/app-1.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app")');
  });

  it.each(['/.env', '/../outside.txt', '/%2e%2e/outside.txt', '/assets/..%2f..%2foutside.txt', '/nope.js', '/rpcx'])('does not serve %s', async (path) => {
    const res = await raw(path, { Host: `127.0.0.1:${host.port}` });
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('SECRET');
    expect(res.body).not.toContain('outside the renderer');
  });
});

describe('requests that are refused', () => {
  it('needs the token for RPC, events and downloads', async () => {
    expect((await rpc({ method: 'getAppInfo', arg: null }, { Authorization: '' })).status).toBe(401);
    expect((await rpc({ method: 'getAppInfo', arg: null }, { Authorization: `Bearer ${host.token.slice(0, -1)}x` })).status).toBe(401);
    expect((await fetch(`${host.origin}/events`)).status).toBe(401);
    expect((await fetch(`${host.origin}/events?token=wrong`)).status).toBe(401);
    expect((await fetch(`${host.origin}/download/abc`)).status).toBe(401);
  });

  it('never takes the session token from the address, which the browser keeps in history', async () => {
    const q = `token=${host.token}`;
    const viaQuery = await fetch(`${host.origin}/rpc?${q}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"method":"getAppInfo","arg":null}' });
    expect(viaQuery.status).toBe(401);
    expect((await fetch(`${host.origin}/events?${q}`)).status).toBe(401);
    expect((await fetch(`${host.origin}/events?ticket=${host.token}`)).status).toBe(401);
    expect((await fetch(`${host.origin}/download/abc?${q}`)).status).toBe(401);
    // Tickets come only from an authenticated POST, for a known purpose.
    expect((await fetch(`${host.origin}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"for":"events"}' })).status).toBe(401);
    for (const body of ['{"for":"rpc"}', '{"for":"download"}', '{"for":"download","id":"../x"}', '[]', '{"for":{"toString":1}}']) {
      const res = await fetch(`${host.origin}/tickets`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` }, body });
      expect(res.status, body).toBe(400);
    }
  });

  it('refuses a foreign Origin even with the token, and runs nothing', async () => {
    const before = listCalls();
    const res = await rpc({ method: 'refreshDirectory', arg: { includeRemoved: false } }, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await rpc({ method: 'getAppInfo', arg: null }, { Origin: `http://127.0.0.1:${host.port + 1}` })).status).toBe(403);
    expect(listCalls()).toBe(before);
  });

  it.each(['evil.example:PORT', 'evil.example', 'localhost.evil.example:PORT', '127.0.0.1', '127.0.0.1:1', '0.0.0.0:PORT', '[::1]:PORT'])('refuses the Host %s (DNS rebinding)', async (h) => {
    const hostHeader = h.replace('PORT', String(host.port));
    expect((await raw('/', { Host: hostHeader })).status).toBe(403);
    const res = await raw('/rpc', { Host: hostHeader, Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' }, 'POST', '{"method":"getAppInfo","arg":null}');
    expect(res.status).toBe(403);
  });

  it('answers an unknown method with 400', async () => {
    const res = await rpc({ method: 'deleteEverything', arg: null });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers a bad argument with 400 and changes nothing', async () => {
    const before = listCalls();
    const seen: AppEvent[] = [];
    const off = core.service.onEvent((e) => seen.push(e));
    for (const arg of [{ includeRemoved: 'yes' }, null, { includeRemoved: true, extra: 1 }]) {
      const res = await rpc({ method: 'refreshDirectory', arg });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    }
    const exp = await rpc({ method: 'exportMembersCsv', arg: { scope: { kind: 'team' }, columns: ['password'] } });
    expect(exp.status).toBe(400);
    off();
    expect(seen).toEqual([]);
    expect(listCalls()).toBe(before);
  });

  it.each([
    ['a method with a hostile toString', '{"method":{"toString":1},"arg":null}'],
    ['a method with a nested toString', '{"method":{"toString":{"valueOf":1}},"arg":null}'],
    ['a method nested 5,000 arrays deep', `{"method":${deep(5000)},"arg":null}`],
    ['an argument nested 5,000 arrays deep', `{"method":"getDirectory","arg":${deep(5000)}}`],
    ['an argument object nested 5,000 deep', `{"method":"exportMembersCsv","arg":${'{"scope":'.repeat(5000)}1${'}'.repeat(5000)}}`],
    ['a method of 100,000 characters', `{"method":"${'x'.repeat(100_000)}","arg":null}`],
    ['no method', '{"arg":null}'],
    ['a method that is null', '{"method":null}'],
    ['a method from Object.prototype', '{"method":"constructor","arg":null}'],
    ['a method from Object.prototype (__proto__)', '{"method":"__proto__","arg":null}'],
    ['a number', '42'],
    ['null', 'null'],
  ])('answers %s with 400, naming no internals', async (_what, body) => {
    const res = await rpc(body);
    expect(res.status).toBe(400);
    const envelope = await res.json();
    expect(envelope.ok).toBe(false);
    expect(envelope.error.message.length).toBeLessThan(200);
    expect((await rpc({ method: 'getAppInfo', arg: null })).status).toBe(200);
  });

  it('refuses malformed bodies and wrong methods', async () => {
    expect((await rpc('{not json')).status).toBe(400);
    expect((await rpc('[]')).status).toBe(400);
    expect((await rpc({ method: 'getAppInfo', arg: null }, { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${host.origin}/rpc`, { headers: { Authorization: `Bearer ${host.token}` } })).status).toBe(405);
    expect((await rpc('x'.repeat(9 * 1024 * 1024))).status).toBe(413);
  });
});

describe('RPC', () => {
  it('answers calls in the envelope', async () => {
    const res = await rpc({ method: 'getAppInfo', arg: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, result: { version: '0.0.0-test', mode: 'browser', secretStorage: 'session' } });
  });

  it('carries app errors as data', async () => {
    const res = await rpc({ method: 'getMemberDetail', arg: { memberId: 'dbmid:nobody' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'member_not_found' } });
  });
});

describe('events', () => {
  it('streams directory sync progress as Server-Sent Events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/events?ticket=${await ticket({ for: 'events' })}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    const events: AppEvent[] = [];
    const reading = (async () => {
      let buffer = '';
      while (!events.some((e) => e.type === 'directory.sync' && e.phase === 'done')) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const frames = buffer.split('\n\n');
        buffer = frames.pop()!;
        for (const f of frames) if (f.startsWith('data: ')) events.push(JSON.parse(f.slice(6)));
      }
    })();
    await new Promise((r) => setTimeout(r, 50));
    const sync = await rpc({ method: 'refreshDirectory', arg: { includeRemoved: false } });
    expect(sync.status).toBe(200);
    await reading;
    controller.abort();
    const phases = events.filter((e) => e.type === 'directory.sync').map((e) => (e.type === 'directory.sync' ? e.phase : ''));
    expect(phases[0]).toBe('started');
    expect(phases).toContain('progress');
    expect(phases.at(-1)).toBe('done');
  });

  it('opens only with a fresh ticket, once', async () => {
    const t = await ticket({ for: 'events' });
    const controller = new AbortController();
    const first = await fetch(`${host.origin}/events?ticket=${t}`, { signal: controller.signal });
    expect(first.status).toBe(200);
    controller.abort();
    expect((await fetch(`${host.origin}/events?ticket=${t}`)).status).toBe(401);
  });
});

describe('downloads', () => {
  it('streams an export once, as a CSV attachment with a BOM', async () => {
    const res = await rpc({ method: 'exportMembersCsv', arg: { scope: { kind: 'team' }, columns: ['email', 'name'], preset: 'admins' } });
    const { result } = await res.json();
    expect(result).toMatchObject({ kind: 'download', fileName: 'admins-2026-05-17.csv' });
    expect(result.url).toMatch(/^\/download\/[A-Za-z0-9_-]+$/);
    expect(result.rows).toBeGreaterThan(0);

    expect((await fetch(`${host.origin}${result.url}`)).status).toBe(401);
    expect((await fetch(`${host.origin}${result.url}?token=${host.token}`)).status).toBe(401);
    const eventsTicket = await ticket({ for: 'events' });
    expect((await fetch(`${host.origin}${result.url}?ticket=${eventsTicket}`)).status).toBe(401);
    const id = result.url.slice('/download/'.length);
    const file = await fetch(`${host.origin}${result.url}?ticket=${await ticket({ for: 'download', id })}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="admins-2026-05-17.csv"');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Email,Name');
    expect(lines).toHaveLength(result.rows + 2);

    const used = await fetch(`${host.origin}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ for: 'download', id }),
    });
    expect(used.status).toBe(404);
    expect(await used.json()).toMatchObject({ ok: false, error: { code: 'download_gone' } });
  });

  it('keeps a bounded number of exports waiting; an evicted one says it expired', async () => {
    const ids: string[] = [];
    for (let i = 0; i <= core.sink.limits.maxPending; i++) {
      const { result } = await (await rpc({ method: 'exportMembersCsv', arg: { scope: { kind: 'team' }, columns: ['email'] } })).json();
      ids.push(result.url.slice('/download/'.length));
    }
    expect(core.sink.pendingCount).toBe(core.sink.limits.maxPending);
    const res = await fetch(`${host.origin}/tickets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify({ for: 'download', id: ids[0] }),
    });
    expect(res.status).toBe(410);
    expect(await res.json()).toEqual({ ok: false, error: { code: 'download_expired', message: 'This export expired; export again.' } });
    const newest = await fetch(`${host.origin}/download/${ids.at(-1)}?ticket=${await ticket({ for: 'download', id: ids.at(-1) })}`);
    expect(newest.status).toBe(200);
    await newest.arrayBuffer();
  });
});

describe('slow requests', () => {
  it('closes an authenticated request whose body trickles in, after the request timeout', async () => {
    const slow = await startBrowserHost({ app: core.service, downloads: core.sink, rendererDir: rendererFixture(), requestTimeoutMs: 500 });
    try {
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(slow.port, '127.0.0.1', () => {
          socket.write(
            `POST /rpc HTTP/1.1\r\nHost: 127.0.0.1:${slow.port}\r\nAuthorization: Bearer ${slow.token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"method":`,
          );
        });
        let got = '';
        const drip = setInterval(() => socket.writable && socket.write(' '), 100);
        socket.on('data', (d) => (got += d.toString()));
        socket.on('error', () => undefined);
        socket.on('close', () => {
          clearInterval(drip);
          resolve(got);
        });
        setTimeout(() => socket.destroy(), 10_000);
      });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    } finally {
      await slow.close();
    }
  });
});

describe('network exposure', () => {
  it('listens on 127.0.0.1 only', async () => {
    expect((host.server.address() as AddressInfo).address).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && !i.internal && i.family === 'IPv4');
    if (external) {
      await expect(fetch(`http://${external.address}:${host.port}/`)).rejects.toThrow();
    }
  });
});
