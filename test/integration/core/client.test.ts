import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DropboxClient, type ClientHooks } from '../../../main/core/dropbox/client.js';
import { AppError } from '../../../main/core/errors.js';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import type { Member } from '../../../main/sandbox/model/types.js';

/** The API client alone, over the real SDK against the sandbox: what every Dropbox call of the app goes through. */

const SET_PROFILE = 'team/members/set_profile_v2';
let sb: RunningSandbox;
let plain: Member[];
let seen: string[];

function client(accessToken = sb.accessToken): DropboxClient {
  const hooks: ClientHooks = {
    onAuthRejected: (e) => seen.push(`rejected:${e.code}`),
    onUnreachable: (e) => seen.push(`unreachable:${e.code}`),
  };
  const c = new DropboxClient({ clientId: sb.clientId, baseUrl: sb.url, hooks, scheduler: { backoffBaseMs: 10, backoffCapMs: 50, maxAttempts: 8 } });
  c.auth.setTokens({ accessToken });
  return c;
}

const rename = (c: DropboxClient, m: Member, given: string, idempotent = true) =>
  c.call(SET_PROFILE, 'write', (dbx, o) => dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: m.teamMemberId }, new_given_name: given }, o), { idempotent });
const applied = () => sb.sandbox.log.list().filter((r) => r.route === SET_PROFILE && r.status === 200).length;

beforeAll(async () => {
  sb = await startSandbox({ members: 40, seed: 3 });
  plain = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
});
beforeEach(() => {
  seen = [];
  sb.sandbox.faults.clear();
  sb.sandbox.log.clear();
});
afterAll(() => sb.close());

describe('DropboxClient', () => {
  it('unwraps results and maps route errors to sentences with the tag', async () => {
    const c = client();
    expect((await c.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o))).team_id).toBe(sb.sandbox.store.state.team.teamId);
    await expect(
      c.call('team/members/remove', 'write', (dbx, o) => dbx.teamMembersRemove({ user: { '.tag': 'team_member_id', team_member_id: 'dbmid:nobody' } }, o)),
    ).rejects.toMatchObject({ code: 'dropbox_error', dropboxTag: 'user_not_found', message: 'No member with that email address or id is on this team.' });
    expect(seen).toEqual([]);
  });

  it('a write survives a 429 storm, 500s and dropped connections and is applied once per call', async () => {
    const c = client();
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 429, count: 3, retryAfter: 1 });
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 500, count: 2 });
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 'drop', count: 2 });
    const targets = plain.slice(0, 10);
    await Promise.all(targets.map((m, i) => rename(c, m, `Client${i}`)));
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.givenName).toBe(`Client${i}`));
    expect(applied()).toBe(10);
  });

  it('does not retry a write that is not idempotent after a 500: unconfirmed, said in words', async () => {
    const c = client();
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 500, count: 1 });
    await expect(rename(c, plain[11], 'Once', false)).rejects.toMatchObject({ code: 'unconfirmed' });
    expect(sb.sandbox.log.list().filter((r) => r.route === SET_PROFILE)).toHaveLength(1);
  });

  it('names the missing scope, and the sign-in itself stays good', async () => {
    const narrow = sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), ['team_info.read'], 3600);
    const c = client(narrow);
    const err = await c.call('team/members/list_v2', 'read', (dbx, o) => dbx.teamMembersListV2({ limit: 10 }, o)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'missing_scope', dropboxTag: 'missing_scope' });
    expect((err as AppError).message).toContain('needs the members.read permission');
    expect(seen).toEqual([]);
    await expect(c.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o))).resolves.toBeDefined();
  });

  it('reports a refused sign-in and an unreachable Dropbox to its connection', async () => {
    await expect(client('sl.tk-not-a-token').call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o))).rejects.toMatchObject({ code: 'needs_reauth' });
    const gone = new DropboxClient({ clientId: sb.clientId, baseUrl: 'http://127.0.0.1:9', hooks: { onUnreachable: (e) => seen.push(`unreachable:${e.code}`) } });
    gone.auth.setTokens({ accessToken: sb.accessToken });
    await expect(gone.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o), { deadlineMs: 0 })).rejects.toMatchObject({ code: 'network' });
    expect(seen).toEqual(['rejected:needs_reauth', 'unreachable:network']);
  });

  it('cancels a queued or running call', async () => {
    const c = client();
    sb.sandbox.config.latencyMs = 300;
    try {
      const controller = new AbortController();
      const call = c.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o), { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await expect(call).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      sb.sandbox.config.latencyMs = 0;
    }
  });
});
