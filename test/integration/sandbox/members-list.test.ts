import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';

describe('sandbox: team info and member listing through the real SDK', () => {
  let sb: Awaited<ReturnType<typeof withSandbox>>;
  beforeAll(async () => {
    sb = await withSandbox({ members: 2500, seed: 7 });
  });
  afterAll(() => sb.close());

  it('answers team/get_info with license counts', async () => {
    const res = await sb.dbx.teamGetInfo();
    expect(res.status).toBe(200);
    expect(res.result.team_id).toMatch(/^dbtid:/);
    expect(res.result.num_provisioned_users).toBeGreaterThan(2000);
    expect(res.result.num_licensed_users).toBeGreaterThanOrEqual(res.result.num_provisioned_users);
    expect(res.headers.get('x-dropbox-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('names the admin behind the token', async () => {
    const res = await sb.dbx.teamTokenGetAuthenticatedAdmin();
    expect(res.result.admin_profile.status['.tag']).toBe('active');
  });

  it('pages through thousands of members with real cursors', async () => {
    let res = await sb.dbx.teamMembersListV2({ limit: 1000 });
    const seen = [...res.result.members];
    expect(res.result.members).toHaveLength(1000);
    while (res.result.has_more) {
      res = await sb.dbx.teamMembersListContinueV2({ cursor: res.result.cursor });
      seen.push(...res.result.members);
    }
    const ids = new Set(seen.map((m) => m.profile.team_member_id));
    expect(ids.size).toBe(seen.length);
    expect(seen.every((m) => m.profile.status['.tag'] !== 'removed')).toBe(true);

    const withRemoved: typeof seen = [];
    let r = await sb.dbx.teamMembersListV2({ limit: 700, include_removed: true });
    withRemoved.push(...r.result.members);
    while (r.result.has_more) {
      r = await sb.dbx.teamMembersListContinueV2({ cursor: r.result.cursor });
      expect(r.result.members.length).toBeLessThanOrEqual(700);
      withRemoved.push(...r.result.members);
    }
    expect(withRemoved).toHaveLength(2500);
    expect(withRemoved.length).toBeGreaterThan(seen.length);
  });

  it('rejects a tampered cursor with invalid_cursor', async () => {
    const e = await sdkError(sb.dbx.teamMembersListContinueV2({ cursor: 'eyJvIjowfQ.forged' }));
    expect(e.status).toBe(409);
    expect(e.error.error['.tag']).toBe('invalid_cursor');
    expect(e.error.error_summary).toMatch(/^invalid_cursor\//);
  });

  it('answers 400 text for limits beyond the spec and unknown fields', async () => {
    const over = await rawCall(sb, 'team/members/list_v2', JSON.stringify({ limit: 1001 }));
    expect(over.status).toBe(400);
    expect(over.headers.get('content-type')).toMatch(/^text\/plain/);
    const unknown = await rawCall(sb, 'team/members/list_v2', JSON.stringify({ limit: 10, colour: 'red' }));
    expect(unknown.status).toBe(400);
    const badJson = await rawCall(sb, 'team/members/list_v2', '{"limit":');
    expect(badJson.status).toBe(400);
    expect(await badJson.text()).toMatch(/JSON/);
  });

  it('accepts every Content-Type its 400 answer names, and refuses others', async () => {
    const body = JSON.stringify({ limit: 2 });
    for (const type of ['application/json', 'application/json; charset=utf-8', 'text/plain; charset=dropbox-cors-hack']) {
      const res = await rawCall(sb, 'team/members/list_v2', body, { 'Content-Type': type });
      expect(res.status, type).toBe(200);
      expect((await res.json()).members, type).toHaveLength(2);
    }
    const other = await rawCall(sb, 'team/members/list_v2', body, { 'Content-Type': 'text/plain' });
    expect(other.status).toBe(400);
    expect(await other.text()).toMatch(/Content-Type/);
  });

  it('answers 401 invalid_access_token for an unknown token', async () => {
    const res = await rawCall(sb, 'team/get_info', undefined, { Authorization: 'Bearer nope' });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await res.json()).error['.tag']).toBe('invalid_access_token');
  });
});
