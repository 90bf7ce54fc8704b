import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';
import { control } from './control-api.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

function rawRequest(sb: Sb, method: string, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const u = new URL(sb.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox control API', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 60, seed: 11 });
  });
  afterAll(() => sb.close());

  it('shows the whole team with derived facts', async () => {
    const { status, body, headers } = await control(sb, 'GET', 'state');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json');
    expect(body.team.teamId).toBe('dbtid:tk-sandbox-11');
    expect(body.members).toHaveLength(60);
    expect(body.now).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(body.licenses.provisioned).toBe(body.members.filter((m: any) => m.status !== 'removed').length);
    expect(body.licenses.licensed).toBe(body.team.numLicensedUsers);
    const admin = body.members[0];
    expect(admin).toMatchObject({ status: 'active', roleIds: [expect.stringMatching(/^pid_dbtmr:/)] });
    expect(admin.files).toHaveProperty('files');
    expect(Array.isArray(admin.devices) && Array.isArray(admin.linkedApps)).toBe(true);
    const grouped = body.members.find((m: any) => m.groupIds.length > 0);
    expect(body.groups.find((g: any) => g.groupId === grouped.groupIds[0]).members.map((gm: any) => gm.teamMemberId)).toContain(grouped.teamMemberId);
    expect(body.config.writeRate).toBe(0);
    expect(Array.isArray(body.jobs)).toBe(true);
  });

  it('logs every /2/ call and can forget them', async () => {
    await control(sb, 'DELETE', 'requests');
    await sb.dbx.teamGetInfo();
    await sdkError(sb.dbx.teamMembersListContinueV2({ cursor: 'bogus' }));
    const { body } = await control(sb, 'GET', 'requests');
    expect(body.requests.map((r: any) => [r.route, r.status])).toEqual([
      ['team/get_info', 200],
      ['team/members/list/continue_v2', 409],
    ]);
    expect(body.requests[1]).toMatchObject({ errorTag: 'invalid_cursor', adminId: sb.sandbox.firstAdminId() });
    await control(sb, 'DELETE', 'requests');
    expect((await control(sb, 'GET', 'requests')).body.requests).toEqual([]);
  });

  it('validates fault rules and lists or clears them', async () => {
    const bad = [
      { route: 'team/get_info', fault: 404, count: 1 },
      { route: 'team/get_info', fault: 'drop', count: 0 },
      { route: 'team/get_info', fault: 500, count: 1.5 },
      { route: 'team/get_info', fault: 500, count: 1, colour: 'red' },
      { fault: 500, count: 1 },
      [],
      'drop',
    ];
    for (const b of bad) expect((await control(sb, 'POST', 'faults', b)).status, JSON.stringify(b)).toBe(400);
    const unknown = await control(sb, 'POST', 'faults', { route: 'team/nope', fault: 500, count: 1 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('unknown_route');

    const added = await control(sb, 'POST', 'faults', { route: 'team/get_info', fault: 429, count: 3, retryAfter: 7 });
    expect(added.body.faults).toEqual([{ route: 'team/get_info', fault: 429, count: 3, retryAfter: 7 }]);
    expect((await control(sb, 'GET', 'faults')).body.faults).toHaveLength(1);
    expect((await control(sb, 'DELETE', 'faults')).status).toBe(200);
    expect((await control(sb, 'GET', 'faults')).body.faults).toEqual([]);
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
  });

  it('answers malformed bodies with JSON errors', async () => {
    const notJson = await fetch(`${sb.url}/__sandbox/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"route":' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).error).toBe('bad_request');
    const form = await fetch(`${sb.url}/__sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'advanceDays=1' });
    expect(form.status).toBe(415);
    expect((await control(sb, 'GET', 'nope')).status).toBe(404);
    const wrongMethod = await control(sb, 'PUT', 'state');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('accepts an invite: the member becomes active with a verified email', async () => {
    const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
    const before = Date.now();
    const res = await control(sb, 'POST', 'invites/accept', { email: invited.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.member.profile.status['.tag']).toBe('active');

    const info = await sb.dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'team_member_id', team_member_id: invited.teamMemberId }] });
    const item = info.result.members_info[0] as any;
    expect(item.profile.status['.tag']).toBe('active');
    expect(item.profile.email_verified).toBe(true);
    expect(Date.parse(item.profile.joined_on)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);

    const again = await control(sb, 'POST', 'invites/accept', { team_member_id: invited.teamMemberId });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('not_invited');
    const nobody = await control(sb, 'POST', 'invites/accept', { email: 'nobody@example.com' });
    expect(nobody.status).toBe(404);
    expect((await control(sb, 'POST', 'invites/accept', { email: 'a@b.c', team_member_id: 'x' })).status).toBe(400);
  });

  it('advances the clock past the recover window', async () => {
    const removed = sb.sandbox.store.state.members.find((m) => m.status === 'removed')!;
    const info = () => sb.dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'team_member_id', team_member_id: removed.teamMemberId }] });
    const statusOf = async () => ((await info()).result.members_info[0] as any).profile.status;
    expect((await statusOf()).is_recoverable).toBe(true);
    const before = (await control(sb, 'GET', 'state')).body.nowMs;
    const res = await control(sb, 'POST', 'clock', { advanceDays: 8 });
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.now) - before).toBeGreaterThanOrEqual(8 * 86_400_000 - 1000);
    expect((await statusOf()).is_recoverable).toBe(false);
    expect((await control(sb, 'POST', 'clock', { advanceDays: -1 })).status).toBe(400);
    expect((await control(sb, 'POST', 'clock', { advanceMs: 1000 })).body.offsetMs).toBe(res.body.offsetMs + 1000);
  });

  it('changes config at run time', async () => {
    const res = await control(sb, 'POST', 'config', { latencyMs: 120, asyncJobDelayMs: 10 });
    expect(res.body).toMatchObject({ latencyMs: 120, asyncJobDelayMs: 10, writeRate: 0 });
    const t0 = performance.now();
    await sb.dbx.teamGetInfo();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(110);
    await control(sb, 'POST', 'config', { latencyMs: 0 });
    expect((await control(sb, 'GET', 'config')).body.latencyMs).toBe(0);
    expect((await control(sb, 'POST', 'config', { latencyMs: -5 })).status).toBe(400);
    expect((await control(sb, 'POST', 'config', { writeRte: 5 })).status).toBe(400);
  });

  it('resets to a freshly seeded team, keeping the CLI token working', async () => {
    const res = await control(sb, 'POST', 'reset', { seed: 12, members: 15 });
    expect(res.body).toEqual({ seed: 12, members: 15 });
    const state = (await control(sb, 'GET', 'state')).body;
    expect(state.members).toHaveLength(15);
    expect(state.team.teamId).toBe('dbtid:tk-sandbox-12');
    const admin = await sb.dbx.teamTokenGetAuthenticatedAdmin();
    expect(admin.result.admin_profile.team_member_id).toBe(state.members[0].teamMemberId);
    // A plain reset keeps both the seed and the size the last reset asked for.
    expect((await control(sb, 'POST', 'reset')).body).toEqual({ seed: 12, members: 15 });
  });

  it('refuses foreign Host and Origin headers', async () => {
    expect((await rawRequest(sb, 'GET', '/__sandbox/state', { Host: 'rebound.example:80' })).status).toBe(403);
    expect((await rawRequest(sb, 'GET', '/__sandbox/state', { Host: 'localhost' })).status).toBe(200);
    const cross = await rawRequest(sb, 'POST', '/__sandbox/reset', { Host: '127.0.0.1', Origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(JSON.parse(cross.body).error).toBe('forbidden_origin');
    expect((await rawRequest(sb, 'POST', '/__sandbox/tokens/expire', { Host: '[::1]', Origin: 'null' })).status).toBe(403);
  });

  it('refuses a page served by another local web server, and a POST that is not JSON even when empty', async () => {
    const before = (await control(sb, 'GET', 'state')).body.members.length;
    // The audit's request: a form post from a page on http://127.0.0.1:1, with an empty body.
    const fromLocalPage = await rawRequest(sb, 'POST', '/__sandbox/reset', { Host: '127.0.0.1', Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': '0' });
    expect(fromLocalPage.status).toBe(403);
    expect(JSON.parse(fromLocalPage.body).error).toBe('forbidden_origin');
    for (const type of [undefined, 'application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await rawRequest(sb, 'POST', '/__sandbox/reset', { Host: '127.0.0.1', 'Content-Length': '0', ...(type ? { 'Content-Type': type } : {}) });
      expect(res.status, type).toBe(415);
    }
    for (const host of [`localhost:${new URL(sb.url).port}@evil.example`, '[::1]evil.example', `localhost:${new URL(sb.url).port}.evil.example`]) {
      expect((await rawRequest(sb, 'POST', '/__sandbox/reset', { Host: host, 'Content-Type': 'application/json', 'Content-Length': '0' })).status, host).toBe(403);
    }
    expect((await control(sb, 'GET', 'state')).body.members.length).toBe(before);
    // An empty JSON POST is still fine.
    expect((await rawRequest(sb, 'POST', '/__sandbox/tokens/expire', { Host: '127.0.0.1', 'Content-Type': 'application/json', 'Content-Length': '0' })).status).toBe(200);
  });

  it('accepts a browser page only from an origin it was started with', async () => {
    const allowing = await withSandbox({ members: 5, controlOrigins: ['http://127.0.0.1:5173'] });
    try {
      expect((await rawRequest(allowing, 'GET', '/__sandbox/state', { Host: '127.0.0.1', Origin: 'http://127.0.0.1:5173' })).status).toBe(200);
      expect((await rawRequest(allowing, 'GET', '/__sandbox/state', { Host: '127.0.0.1', Origin: 'http://127.0.0.1:5174' })).status).toBe(403);
      allowing.controlOrigins.add('app://teamkeeper');
      expect((await rawRequest(allowing, 'GET', '/__sandbox/state', { Host: '127.0.0.1', Origin: 'app://teamkeeper' })).status).toBe(200);
    } finally {
      await allowing.close();
    }
  });
});
