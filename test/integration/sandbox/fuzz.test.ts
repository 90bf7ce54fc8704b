import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox } from '../../support/sandbox-client.js';
import { Random } from '../../../main/sandbox/model/random.js';
import { TEAM_SCOPES } from '../../../main/sandbox/index.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

/** Every request derives from it; FUZZ_SEED=n explores (and reproduces) other mixes. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_101);
const REQUESTS = 500;

/** Field names and tags from team.stone, so junk sometimes gets past the schemas into handlers. */
const KEYS = ['.tag', 'user', 'users', 'members', 'member', 'new_members', 'team_member_id', 'team_member_ids', 'email', 'emails', 'external_id', 'external_ids', 'member_email', 'member_given_name', 'member_surname', 'member_external_id', 'role_ids', 'new_roles', 'limit', 'cursor', 'include_removed', 'async_job_id', 'group', 'group_id', 'group_ids', 'group_name', 'group_external_id', 'new_group_name', 'new_group_external_id', 'new_group_management_type', 'access_type', 'return_members', 'force_async', 'send_welcome_email', 'wipe_data', 'keep_account', 'retain_team_shares', 'transfer_dest_id', 'transfer_admin_id', 'permanently_delete_files', 'new_email', 'new_given_name', 'new_surname', 'new_external_id', 'new_persistent_id', 'new_is_directory_restricted', 'session_id', 'app_id', 'keep_app_folder', 'include_web_sessions', 'include_desktop_clients', 'include_mobile_clients', 'delete_on_unlink', 'client_item_id', 'suspend_arg', 'revoke_devices', 'revoke_linked_app', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const TAGS = ['team_member_id', 'team_member_ids', 'external_id', 'external_ids', 'email', 'emails', 'group_id', 'group_external_id', 'web_session', 'desktop_client', 'mobile_client', 'member', 'owner', 'user_managed', 'company_managed', 'system_managed', 'active', 'removed', 'complete', 'other', '', '__proto__'];
const METHODS = ['POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'FROB'];
const CONTENT_TYPES = [undefined, 'application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=--x', 'application/octet-stream', 'application/jsonx', 'text/html', ''];
const WEIRD_NUMBERS = [0, -0, -1, 1e308, -1e308, 2 ** 53 + 1, 2 ** 64, 1.5, Number.MIN_VALUE, 4294967296, 1000, 1001, -2147483649];
/** JSON text that JSON.stringify cannot produce. */
const RAW_BODIES = ['', ' ', 'null', '1e999', '-1e999', '[]', '{}', '{"limit":1e400}', '{"limit":' + '9'.repeat(400) + '}', '"\\ud800"', '{"a":"\\u0000"}', '{', '}', '{"limit":1,}', "{'limit':1}", 'NaN', 'undefined', '\u0000', '{"__proto__":{"isAdmin":true},"limit":1}'];

function junk(rnd: Random, pool: string[], depth = 0): unknown {
  const r = rnd.next();
  if (depth > 5 || r < 0.25) return rnd.chance(0.6) ? rnd.pick(pool) : rnd.pick(WEIRD_NUMBERS);
  if (r < 0.32) return rnd.pick([true, false, null]);
  if (r < 0.38) return rnd.pick(['', 'x'.repeat(rnd.int(256, 70_000)), '🙂\u202e\u0000é', '<script>', '../../etc/passwd', '%00', 'null']);
  if (r < 0.5) return Array.from({ length: rnd.int(0, 6) }, () => junk(rnd, pool, depth + 1));
  const o: Record<string, unknown> = {};
  if (rnd.chance(0.7)) o['.tag'] = rnd.pick(TAGS);
  for (let i = rnd.int(0, 5); i > 0; i--) o[rnd.pick(KEYS)] = junk(rnd, pool, depth + 1);
  return o;
}

/** What the pool offers a template: real ids, so near-valid calls reach route logic. */
interface Ids {
  member(): string;
  email(): string;
  group(): string;
  session(): string;
}

const sel = (rnd: Random, ids: Ids) =>
  rnd.pick([
    { '.tag': 'team_member_id', team_member_id: ids.member() },
    { '.tag': 'email', email: ids.email() },
    { '.tag': 'external_id', external_id: `EMP${rnd.int(995, 1100)}` },
  ]);
const groupSel = (rnd: Random, ids: Ids) => ({ '.tag': 'group_id', group_id: ids.group() });

/** Roughly valid arguments per route (team.stone shapes), to be mutated. */
const TEMPLATES: Record<string, (rnd: Random, ids: Ids) => unknown> = {
  'team/members/list_v2': (rnd) => ({ limit: rnd.int(1, 1000), include_removed: rnd.chance(0.5) }),
  'team/members/get_info_v2': (rnd, ids) => ({ members: [sel(rnd, ids), sel(rnd, ids)] }),
  'team/members/add_v2': (rnd, ids) => ({
    new_members: [{ member_email: rnd.chance(0.5) ? ids.email() : `fuzz${rnd.int(0, 1e6)}@example-sandbox.com`, member_given_name: 'Fuzz', member_surname: 'Zed', send_welcome_email: rnd.chance(0.5), role_ids: rnd.chance(0.2) ? ['pid_dbtmr:tk-support-admin'] : [] }],
    force_async: rnd.chance(0.3),
  }),
  'team/members/set_profile_v2': (rnd, ids) => ({ user: sel(rnd, ids), new_given_name: 'Renamed', new_external_id: rnd.chance(0.3) ? `EMP${rnd.int(995, 1100)}` : undefined }),
  'team/members/set_admin_permissions_v2': (rnd, ids) => ({ user: sel(rnd, ids), new_roles: rnd.chance(0.5) ? [] : ['pid_dbtmr:tk-user-mgmt-admin'] }),
  'team/members/suspend': (rnd, ids) => ({ user: sel(rnd, ids), wipe_data: rnd.chance(0.5) }),
  'team/members/unsuspend': (rnd, ids) => ({ user: sel(rnd, ids) }),
  'team/members/send_welcome_email': (rnd, ids) => sel(rnd, ids),
  'team/members/remove': (rnd, ids) => ({ user: sel(rnd, ids), wipe_data: rnd.chance(0.5), keep_account: rnd.chance(0.3), transfer_dest_id: rnd.chance(0.4) ? sel(rnd, ids) : undefined, transfer_admin_id: rnd.chance(0.4) ? sel(rnd, ids) : undefined }),
  'team/members/recover': (rnd, ids) => ({ user: sel(rnd, ids) }),
  'team/members/move_former_member_files': (rnd, ids) => ({ user: sel(rnd, ids), transfer_dest_id: sel(rnd, ids), transfer_admin_id: sel(rnd, ids) }),
  'team/members/remove/job_status/get': (rnd) => ({ async_job_id: `dbjid:${rnd.hex(8)}` }),
  'team/groups/create': (rnd) => ({ group_name: `Fuzz ${rnd.int(0, 20)}`, add_creator_as_owner: rnd.chance(0.5), group_management_type: rnd.pick(['user_managed', 'company_managed', 'system_managed']) }),
  'team/groups/get_info': (rnd, ids) => ({ '.tag': 'group_ids', group_ids: [ids.group()] }),
  'team/groups/update': (rnd, ids) => ({ group: groupSel(rnd, ids), new_group_name: `Fuzz ${rnd.int(0, 20)}`, return_members: rnd.chance(0.5) }),
  'team/groups/delete': (rnd, ids) => groupSel(rnd, ids),
  'team/groups/members/add': (rnd, ids) => ({ group: groupSel(rnd, ids), members: [{ user: sel(rnd, ids), access_type: rnd.pick(['member', 'owner']) }], return_members: rnd.chance(0.5) }),
  'team/groups/members/remove': (rnd, ids) => ({ group: groupSel(rnd, ids), users: [sel(rnd, ids)], return_members: false }),
  'team/groups/members/set_access_type': (rnd, ids) => ({ group: groupSel(rnd, ids), user: sel(rnd, ids), access_type: rnd.pick(['member', 'owner']), return_members: true }),
  'team/groups/members/list': (rnd, ids) => ({ group: groupSel(rnd, ids), limit: rnd.int(1, 1000) }),
  'team/groups/list': (rnd) => ({ limit: rnd.int(1, 1000) }),
  'team/devices/list_member_devices': (rnd, ids) => ({ team_member_id: ids.member(), include_web_sessions: rnd.chance(0.5) }),
  'team/devices/revoke_device_session': (rnd, ids) => ({ '.tag': rnd.pick(['web_session', 'desktop_client', 'mobile_client']), session_id: ids.session(), team_member_id: ids.member(), delete_on_unlink: rnd.chance(0.5) }),
  'team/linked_apps/list_member_linked_apps': (rnd, ids) => ({ team_member_id: ids.member() }),
  'team/linked_apps/revoke_linked_app': (rnd, ids) => ({ app_id: rnd.pick(['dbaid:tk-slack', 'dbaid:tk-zoom', 'dbaid:nope']), team_member_id: ids.member(), keep_app_folder: rnd.chance(0.5) }),
  'team/members/bulk_suspend': (rnd, ids) => ({
    members: Array.from({ length: rnd.pick([0, 1, 2, 3, 501]) }, (_, i) => ({ client_item_id: rnd.chance(0.9) ? `row-${i}` : 'dup', suspend_arg: { user: sel(rnd, ids), wipe_data: rnd.chance(0.5) } })),
  }),
  'team/members/bulk_suspend/job_status/check': (rnd) => ({ async_job_id: rnd.chance(0.5) ? `dbjid:tk${rnd.int(0, 200).toString(36).padStart(6, '0')}` : `dbjid:${rnd.hex(8)}` }),
  'team/members/delete_former_member_files': (rnd, ids) => ({ user: sel(rnd, ids) }),
  'team/devices/list_members_devices': (rnd) => ({ cursor: rnd.chance(0.3) ? rnd.pick(['', 'x.y', 'eyJlIjoiIiwiaSI6MX0.AAAAAAAAAAAAAAAAAAAAAA']) : undefined, include_web_sessions: rnd.chance(0.5), include_mobile_clients: rnd.chance(0.5) }),
  'team/devices/revoke_device_session_batch': (rnd, ids) => ({
    revoke_devices: Array.from({ length: rnd.int(0, 4) }, () => ({ '.tag': rnd.pick(['web_session', 'desktop_client', 'mobile_client']), session_id: ids.session(), team_member_id: ids.member() })),
  }),
  'team/linked_apps/list_members_linked_apps': (rnd) => (rnd.chance(0.5) ? {} : { cursor: rnd.pick(['', 'x.y', null]) }),
  'team/linked_apps/revoke_linked_app_batch': (rnd, ids) => ({
    revoke_linked_app: Array.from({ length: rnd.int(0, 4) }, () => ({ app_id: rnd.pick(['dbaid:tk-slack', 'dbaid:tk-zoom', 'dbaid:nope']), team_member_id: ids.member(), keep_app_folder: rnd.chance(0.5) })),
  }),
};

/** Replaces, drops or adds one field somewhere in a value. */
function mutate(rnd: Random, value: unknown, pool: string[]): unknown {
  if (value === null || typeof value !== 'object') return rnd.chance(0.5) ? junk(rnd, pool) : value;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  const r = rnd.next();
  if (keys.length && r < 0.5) {
    const k = rnd.pick(keys);
    copy[k] = mutate(rnd, copy[k], pool);
  } else if (keys.length && r < 0.7) delete copy[rnd.pick(keys)];
  else copy[rnd.pick(KEYS)] = junk(rnd, pool);
  return copy;
}

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

function body(rnd: Random, pool: string[]): string | Uint8Array<ArrayBuffer> | undefined {
  const r = rnd.next();
  if (r < 0.08) return undefined;
  if (r < 0.18) return rnd.pick(RAW_BODIES);
  if (r < 0.22) return new Uint8Array([0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0xed, 0xa0, 0x80, 0x7d]);
  if (r < 0.25) return rnd.chance(0.5) ? nested(rnd.int(1000, 200_000)) : `{"a":${nested(5000)}}`;
  return JSON.stringify(junk(rnd, pool));
}

function headers(rnd: Random, token: string, pool: string[], hasBody: boolean): Record<string, string> {
  const h: Record<string, string> = {};
  const auth = rnd.next();
  if (auth < 0.75) h.Authorization = `Bearer ${token}`;
  else if (auth < 0.8) h.Authorization = 'Bearer';
  else if (auth < 0.85) h.Authorization = `Basic ${Buffer.from('a:b').toString('base64')}`;
  else if (auth < 0.9) h.Authorization = `Bearer ${'x'.repeat(rnd.int(1, 9000))}`;
  // Mostly right, so that bodies get parsed and reach the handlers.
  const ct = rnd.chance(0.6) ? 'application/json' : rnd.pick(CONTENT_TYPES);
  if (ct !== undefined && (hasBody || rnd.chance(0.2))) h['Content-Type'] = ct;
  if (rnd.chance(0.1)) h['Dropbox-API-Select-User'] = rnd.pick(pool);
  if (rnd.chance(0.05)) h['Dropbox-API-Select-Admin'] = rnd.pick(pool);
  if (rnd.chance(0.05)) h['Dropbox-API-Arg'] = '{"bad": ';
  if (rnd.chance(0.03)) h['Dropbox-API-Path-Root'] = '{".tag":"root","root":"1"}';
  return h;
}

function rawExchange(url: string, payload: string | Buffer): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(u.port), u.hostname);
    let got = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(`${got}<timeout>`);
    }, 3000);
    socket.on('data', (d) => (got += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(got);
    });
    socket.end(payload);
  });
}

/**
 * Declares a body over the 8 MB cap, sends a little more than 8 MB of it and
 * then waits without sending the rest: only a server that stopped reading at
 * the cap answers now (one that buffers the whole body would still be waiting).
 */
function answerToOversizedUpload(url: string, path: string, token: string): Promise<string> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = tcpConnect(Number(u.port), u.hostname);
    let got = '';
    const done = (answer: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(`${got}<timeout>`), 5000);
    socket.on('data', (d) => {
      got += d.toString('latin1');
      if (got.includes('\r\n\r\n')) done(got);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => done(got));
    const declared = 9 * 1024 * 1024;
    socket.write(`POST ${path} HTTP/1.1\r\nHost: ${u.host}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`);
    socket.write(Buffer.alloc(8 * 1024 * 1024 + 64 * 1024, 0x78));
  });
}

describe('sandbox fuzz: garbage in, a status out, never a crash', () => {
  let sb: Sb;
  let pool: string[];
  let paths: string[];
  let ids: Ids;

  beforeAll(async () => {
    sb = await withSandbox({ members: 80, seed: 13 });
    const s = sb.sandbox.store.state;
    // Real ids reach deeper into handlers; the token's own admin is left out so it stays usable.
    const members = s.members.slice(1);
    pool = [
      ...members.flatMap((m) => [m.teamMemberId, m.email, m.externalId ?? 'EMPX']),
      ...s.groups.map((g) => g.groupId),
      ...members.flatMap((m) => m.devices.map((d) => d.sessionId)),
      'dbmid:nope',
      'g:nope',
      'pid_dbtmr:tk-team-admin',
      'pid_dbtmr:tk-support-admin',
      'not-an-email',
      'a@b.co',
    ];
    const rnd = new Random(SEED + 1);
    const others = members.filter((m) => m.teamMemberId !== s.members[0].teamMemberId);
    ids = {
      member: () => (rnd.chance(0.9) ? rnd.pick(others).teamMemberId : 'dbmid:nope'),
      email: () => (rnd.chance(0.9) ? rnd.pick(others).email : 'nobody@example-sandbox.com'),
      group: () => (rnd.chance(0.85) && sb.sandbox.store.state.groups.length ? rnd.pick(sb.sandbox.store.state.groups).groupId : 'g:nope'),
      session: () => rnd.pick(others.flatMap((m) => m.devices.map((d) => d.sessionId)).concat('dbdsid:nope')),
    };
    paths = [
      ...[...sb.sandbox.routes.keys()].map((r) => `/2/${r}`),
      '/2/team/does_not_exist',
      '/2/',
      '/2',
      '/2/team/members/list_v2/',
      '/2/%ZZ',
      '/oauth2/token',
      '/oauth2/authorize',
      '/oauth2/authorize/decide',
      '/__sandbox/state',
      '/__sandbox/requests',
      '/__sandbox/invites/accept',
      '/__sandbox/clock',
      '/__sandbox/tokens/expire',
      '/__sandbox/team',
      '/__sandbox/members/state',
      '/__sandbox/nope',
      '/',
      '/favicon.ico',
    ];
  });
  afterAll(() => sb.close());

  it(`answers ${REQUESTS} random requests, each with a status and none with a 500`, async () => {
    const rnd = new Random(SEED);
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i++) {
      // Near-valid calls test route logic; pure junk tests the gates in front of it.
      const nearValid = rnd.chance(0.45);
      const route = rnd.pick(Object.keys(TEMPLATES));
      const path = nearValid ? `/2/${route}` : rnd.pick(paths);
      const method = nearValid ? 'POST' : rnd.pick(METHODS);
      const template = () => TEMPLATES[route](rnd, ids);
      const b = nearValid ? JSON.stringify(rnd.chance(0.5) ? template() : mutate(rnd, template(), pool)) : method === 'GET' || method === 'HEAD' ? undefined : body(rnd, pool);
      const query = rnd.chance(0.2) ? `?${new URLSearchParams({ [rnd.pick(KEYS)]: JSON.stringify(junk(rnd, pool)).slice(0, 2000), grant_type: rnd.pick(['authorization_code', 'refresh_token', 'x']), client_id: rnd.pick(['tk-sandbox-app', '', 'x']) })}` : '';
      const what = `#${i} ${method} ${path}${query.slice(0, 80)} body=${(typeof b === 'string' ? b : String(b)).slice(0, 120)}`;
      let res: Response;
      try {
        // Revoking the shared token would turn the rest into 401s.
        const token = path === '/2/auth/token/revoke' ? sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), TEAM_SCOPES) : sb.accessToken;
        const h = nearValid ? { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } : headers(rnd, token, pool, b !== undefined);
        res = await fetch(`${sb.url}${path}${nearValid ? '' : query}`, { method, headers: h, body: b, signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
      } catch (err) {
        throw new Error(`${what}: no answer (${(err as Error).message})`, { cause: err });
      }
      expect(res.status, what).toBeGreaterThanOrEqual(200);
      expect(res.status, what).toBeLessThan(500);
      expect(sb.sandbox.lastInternalError, what).toBeUndefined();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    // The mix really reached the handlers, not only the validators.
    expect(statuses.get(400)).toBeGreaterThan(50);
    expect(statuses.get(200)).toBeGreaterThan(50);
    expect(statuses.get(409)).toBeGreaterThan(30);
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
  });

  it('survives malformed HTTP on a raw socket', async () => {
    const payloads: Array<string | Buffer> = [
      'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'GET http://evil.example:99999/2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'POST //2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'POST /2/../__sandbox/state HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      '* * *\r\n\r\n',
      'GET * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      `POST /2/team/members/list_v2 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${'t'}\r\nContent-Length: 50\r\n\r\n{"limit":`,
      'POST /2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnope\r\n',
      'POST /2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -1\r\n\r\n',
      'POST /2/team/get_info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!',
      `GET /__sandbox/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      'GET /__sandbox/state HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n',
      'GET /\x00 HTTP/1.1\r\n\r\n',
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]),
      'GET /oauth2/authorize?client_id=%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      'POST /oauth2/token?grant_type=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n%%%',
      'GET /2/team/get_info HTTP/1.0\r\n\r\n',
      'GET /__sandbox/state HTTP/1.0\r\n\r\n',
    ];
    for (const p of payloads) {
      const answer = await rawExchange(sb.url, p);
      const label = String(p).slice(0, 60);
      expect(answer, label).not.toMatch(/<timeout>$/);
      // Either an HTTP status line or a closed socket; never a 500.
      if (answer) expect(answer, label).toMatch(/^HTTP\/1\.[01] [1-4]\d\d /);
      expect(sb.sandbox.lastInternalError, label).toBeUndefined();
    }
    // A target the URL parser rejects is a 400, not an exception in the listener.
    expect(await rawExchange(sb.url, 'GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
  });

  it('refuses the control API to web pages and malformed Host headers, and changes nothing', async () => {
    const port = new URL(sb.url).port;
    // A reset would bring back the seeded name.
    const marked = sb.sandbox.store.state.members[1];
    marked.givenName = 'Not reset';
    const hostile: Array<[Record<string, string>, number]> = [
      [{ Host: '127.0.0.1', Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/x-www-form-urlencoded' }, 403],
      [{ Host: '127.0.0.1', Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' }, 403],
      [{ Host: '127.0.0.1', Origin: 'http://localhost:3000', 'Content-Type': 'application/json' }, 403],
      [{ Host: `localhost:${port}@evil.example`, 'Content-Type': 'application/json' }, 403],
      [{ Host: '[::1]evil.example', 'Content-Type': 'application/json' }, 403],
      [{ Host: `localhost:${port}.evil.example`, 'Content-Type': 'application/json' }, 403],
      [{ Host: '127.0.0.1' }, 415],
      [{ Host: '127.0.0.1', 'Content-Type': 'text/plain' }, 415],
      [{ Host: '127.0.0.1', 'Content-Type': 'application/x-www-form-urlencoded' }, 415],
    ];
    for (const [h, status] of hostile) {
      const head = Object.entries(h).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      const answer = await rawExchange(sb.url, `POST /__sandbox/reset HTTP/1.1\r\n${head}Content-Length: 0\r\nConnection: close\r\n\r\n`);
      expect(answer, JSON.stringify(h)).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    }
    expect(sb.sandbox.store.state.members[1]).toBe(marked);
    expect(marked.givenName).toBe('Not reset');
    expect(sb.sandbox.lastInternalError).toBeUndefined();
  });

  it('refuses a body over 8 MB without buffering it', async () => {
    for (const path of ['/2/team/members/list_v2', '/oauth2/token', '/__sandbox/clock']) {
      expect(await answerToOversizedUpload(sb.url, path, sb.accessToken), path).toMatch(/^HTTP\/1\.1 400 /);
      expect(sb.sandbox.lastInternalError, path).toBeUndefined();
    }
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
  });
});
