import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import type { team } from 'dropbox';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';
import { ROLES } from '../../../main/sandbox/model/roles.js';

const newMember = (local: string, extra: Partial<team.MemberAddV2Arg> = {}): team.MemberAddV2Arg => ({
  member_email: `${local}@new-hires.example.com`,
  member_given_name: 'New',
  member_surname: local,
  ...extra,
});

function successOf(r: team.MemberAddV2Result): team.TeamMemberInfoV2 {
  if (r['.tag'] !== 'success') throw new Error(`expected success, got ${JSON.stringify(r)}`);
  return r;
}

function completeOf(r: team.MembersAddLaunchV2Result | team.MembersAddJobStatusV2Result): team.MemberAddV2Result[] {
  if (r['.tag'] !== 'complete') throw new Error(`expected complete, got ${JSON.stringify(r)}`);
  return r.complete;
}

describe('sandbox: members/add_v2 through the real SDK', () => {
  let sb: Awaited<ReturnType<typeof withSandbox>>;
  beforeAll(async () => {
    sb = await withSandbox({ asyncJobDelayMs: 150 });
  });
  afterAll(() => sb.close());

  it('invites new members synchronously, with welcome emails and roles as asked', async () => {
    const res = await sb.dbx.teamMembersAddV2({
      new_members: [
        newMember('ana', { member_external_id: 'HR-1' }),
        newMember('bo', { send_welcome_email: false, role_ids: [ROLES[2].role_id] }),
      ],
    });
    const [ana, bo] = completeOf(res.result).map(successOf);
    expect(ana.profile.status['.tag']).toBe('invited');
    expect(ana.profile.invited_on).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(ana.profile.external_id).toBe('HR-1');
    expect(ana.profile.name.display_name).toBe('New ana');
    expect(bo.roles?.map((r) => r.role_id)).toEqual([ROLES[2].role_id]);

    const store = sb.sandbox.store;
    expect(store.memberById(ana.profile.team_member_id)?.welcomeEmailsSent).toBe(1);
    expect(store.memberById(bo.profile.team_member_id)?.welcomeEmailsSent).toBe(0);
    expect(store.memberByExternalId('HR-1')?.email).toBe('ana@new-hires.example.com');
    expect(new Set(store.state.members.map((m) => m.teamMemberId)).size).toBe(store.state.members.length);

    const info = await sb.dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'email', email: 'bo@new-hires.example.com' }] });
    expect(info.result.members_info[0]['.tag']).toBe('member_info');
  });

  it('reports members already on the team as per-member failures inside a 200', async () => {
    const existing = sb.sandbox.store.state.members[5];
    const taken = sb.sandbox.store.state.members.find((m) => m.externalId)!;
    const before = sb.sandbox.store.state.members.length;
    const res = await sb.dbx.teamMembersAddV2({
      new_members: [
        newMember('cy'),
        { member_email: existing.email.toUpperCase() },
        newMember('cy'),
        newMember('dee', { member_external_id: taken.externalId }),
      ],
    });
    expect(res.status).toBe(200);
    const [cy, dup, again, ext] = completeOf(res.result);
    expect(cy['.tag']).toBe('success');
    expect(dup).toEqual({ '.tag': 'user_already_on_team', user_already_on_team: existing.email.toUpperCase() });
    expect(again).toEqual({ '.tag': 'user_already_on_team', user_already_on_team: 'cy@new-hires.example.com' });
    expect(ext).toEqual({ '.tag': 'duplicate_external_member_id', duplicate_external_member_id: 'dee@new-hires.example.com' });
    expect(sb.sandbox.store.state.members.length).toBe(before + 1);
  });

  it('treats a recoverable removed member as still on the team, an unrecoverable one as gone', async () => {
    const store = sb.sandbox.store;
    const [recoverable, gone] = store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0).slice(-2);
    recoverable.status = 'removed';
    recoverable.removal = { on: store.clock.now(), isDisconnected: false, unrecoverable: false };
    gone.status = 'removed';
    gone.removal = { on: store.clock.now(), isDisconnected: false, unrecoverable: true };
    const res = await sb.dbx.teamMembersAddV2({ new_members: [{ member_email: recoverable.email }, { member_email: gone.email }] });
    const [a, b] = completeOf(res.result);
    expect(a['.tag']).toBe('user_already_on_team');
    const back = successOf(b);
    expect(back.profile.team_member_id).not.toBe(gone.teamMemberId);
    expect(store.memberByEmail(gone.email)?.teamMemberId).toBe(back.profile.team_member_id);
  });

  it('fails the members beyond the license count with team_license_limit', async () => {
    const store = sb.sandbox.store;
    const saved = store.state.team.numLicensedUsers;
    store.state.team.numLicensedUsers = store.provisionedCount() + 1;
    try {
      const res = await sb.dbx.teamMembersAddV2({ new_members: [newMember('lic1'), newMember('lic2'), newMember('lic3')] });
      const [one, two, three] = completeOf(res.result);
      expect(one['.tag']).toBe('success');
      expect(two).toEqual({ '.tag': 'team_license_limit', team_license_limit: 'lic2@new-hires.example.com' });
      expect(three['.tag']).toBe('team_license_limit');
      expect(store.provisionedCount()).toBe(store.state.team.numLicensedUsers);
      expect(store.memberByEmail('lic2@new-hires.example.com')).toBeUndefined();
    } finally {
      store.state.team.numLicensedUsers = saved;
    }
  });

  it('refuses more than 20 members, two roles or an unknown role with 400 and adds nobody', async () => {
    const store = sb.sandbox.store;
    const before = store.state.members.length;
    const many = Array.from({ length: 21 }, (_, i) => newMember(`bulk${i}`));
    const e = await sdkError(sb.dbx.teamMembersAddV2({ new_members: many }));
    expect(e.status).toBe(400);
    expect(String(e.error)).toMatch(/new_members/);
    const twoRoles = await sdkError(sb.dbx.teamMembersAddV2({ new_members: [newMember('r2', { role_ids: [ROLES[1].role_id, ROLES[2].role_id] })] }));
    expect(twoRoles.status).toBe(400);
    const unknownRole = await sdkError(sb.dbx.teamMembersAddV2({ new_members: [newMember('r3', { role_ids: ['pid_dbtmr:nope'] })] }));
    expect(unknownRole.status).toBe(400);
    const unknownField = await rawCall(sb, 'team/members/add_v2', JSON.stringify({ new_members: [{ member_email: 'x@y.com', shoe_size: 9 }] }));
    expect(unknownField.status).toBe(400);
    expect(store.state.members.length).toBe(before);
  });

  it('answers force_async with a job: in_progress first, then the per-member results', async () => {
    const res = await sb.dbx.teamMembersAddV2({ new_members: [newMember('async1'), newMember('async1')], force_async: true });
    if (res.result['.tag'] !== 'async_job_id') throw new Error(`expected async_job_id, got ${res.result['.tag']}`);
    const jobId = res.result.async_job_id;
    // The change is made when the job is accepted; only its report waits.
    expect(sb.sandbox.store.memberByEmail('async1@new-hires.example.com')?.status).toBe('invited');

    const first = await sb.dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId });
    expect(first.result['.tag']).toBe('in_progress');
    await sleep(200);
    const done = await sb.dbx.teamMembersAddJobStatusGetV2({ async_job_id: jobId });
    const [ok, dup] = completeOf(done.result);
    expect(successOf(ok).profile.email).toBe('async1@new-hires.example.com');
    expect(dup['.tag']).toBe('user_already_on_team');
  });

  it('goes async on its own above the configured threshold', async () => {
    const n = sb.sandbox.config.asyncAddThreshold + 1;
    const res = await sb.dbx.teamMembersAddV2({ new_members: Array.from({ length: n }, (_, i) => newMember(`thr${i}`)) });
    expect(res.result['.tag']).toBe('async_job_id');
    const small = await sb.dbx.teamMembersAddV2({ new_members: [newMember('sync-small')] });
    expect(small.result['.tag']).toBe('complete');
  });

  it('answers invalid_async_job_id for an unknown job', async () => {
    const e = await sdkError(sb.dbx.teamMembersAddJobStatusGetV2({ async_job_id: 'dbjid:made-up' }));
    expect(e.status).toBe(409);
    expect(e.error.error['.tag']).toBe('invalid_async_job_id');
  });
});
