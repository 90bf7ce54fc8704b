import type { team } from 'dropbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';
import type { Member } from '../../../main/sandbox/index.js';
import { byId, plainMembers, pollUntilDone, setFiles, teamAdmin, type Sb } from './members-remove-fixtures.js';

function device(sessionId: string): Member['devices'][number] {
  return { kind: 'desktop', sessionId, created: 1, updated: 2, name: 'laptop', platform: 'linux', wiped: false };
}

async function wireProfile(sb: Sb, id: string): Promise<team.TeamMemberProfile> {
  let res = await sb.dbx.teamMembersListV2({ include_removed: true });
  for (;;) {
    const hit = res.result.members.find((m) => m.profile.team_member_id === id);
    if (hit) return hit.profile;
    if (!res.result.has_more) throw new Error(`${id} not listed`);
    res = await sb.dbx.teamMembersListContinueV2({ cursor: res.result.cursor });
  }
}

describe('sandbox: members/remove effects', () => {
  let sb: Sb;
  beforeEach(async () => {
    // Long enough that the first poll still finds the job running on a loaded machine.
    sb = await withSandbox({ asyncJobDelayMs: 600 });
  });
  afterEach(() => sb.close());

  it('removes at once, wipes devices by default and leaves the member recoverable', async () => {
    const [a] = plainMembers(sb, 1);
    a.devices = [device('s1'), device('s2')];
    const res = await sb.dbx.teamMembersRemove({ user: byId(a) });
    expect(res.result).toEqual({ '.tag': 'complete' });
    expect(a.status).toBe('removed');
    expect(a.devices.map((d) => d.wiped)).toEqual([true, true]);
    expect(a.removal).toMatchObject({ isDisconnected: false, unrecoverable: false });
    expect(a.removal?.on).toBeLessThanOrEqual(sb.sandbox.store.clock.now());
    const p = await wireProfile(sb, a.teamMemberId);
    expect(p.status).toEqual({ '.tag': 'removed', is_recoverable: true, is_disconnected: false });
  });

  it('leaves devices alone with wipe_data false', async () => {
    const [a] = plainMembers(sb, 1);
    a.devices = [device('s1')];
    await sb.dbx.teamMembersRemove({ user: byId(a), wipe_data: false });
    expect(a.devices[0].wiped).toBe(false);
  });

  it('takes the member out of every group', async () => {
    const [a] = plainMembers(sb, 1);
    const groups = sb.sandbox.store.state.groups;
    for (const g of groups) if (!g.members.some((m) => m.teamMemberId === a.teamMemberId)) g.members.push({ teamMemberId: a.teamMemberId, accessType: 'member' });
    sb.sandbox.store.changed();
    expect(sb.sandbox.store.groupsOf(a.teamMemberId)).toHaveLength(groups.length);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    expect(groups.every((g) => g.members.every((m) => m.teamMemberId !== a.teamMemberId))).toBe(true);
    expect((await wireProfile(sb, a.teamMemberId)).groups).toEqual([]);
  });

  it('transfers own and received files to the destination as one folder, through an async job', async () => {
    const [a, b] = plainMembers(sb, 2);
    setFiles(a, 120, 5_000_000, [{ name: 'Old Colleague (former member) files', files: 30, bytes: 1_000_000, fromMemberId: 'dbmid:gone' }]);
    const destFoldersBefore = b.files.received.length;

    const res = await sb.dbx.teamMembersRemove({ user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) });
    expect(res.result['.tag']).toBe('async_job_id');
    const jobId = (res.result as { async_job_id: string }).async_job_id;

    const { tags } = await pollUntilDone(() => sb.dbx.teamMembersRemoveJobStatusGet({ async_job_id: jobId }));
    expect(tags[0]).toBe('in_progress');
    expect(tags.at(-1)).toBe('complete');

    expect(b.files.received).toHaveLength(destFoldersBefore + 1);
    expect(b.files.received.at(-1)).toEqual({
      name: `${a.givenName} ${a.surname} (former member) files`,
      files: 150,
      bytes: 6_000_000,
      fromMemberId: a.teamMemberId,
    });
    expect(a.files.transferredTo).toBe(b.teamMemberId);
    expect(a.removal?.unrecoverable).toBe(true);
    expect((await wireProfile(sb, a.teamMemberId)).status).toMatchObject({ '.tag': 'removed', is_recoverable: false });
  });

  it('answers async_job_id for a very large account even without a transfer', async () => {
    const [a] = plainMembers(sb, 1);
    setFiles(a, 25_000, 90_000_000_000);
    const res = await sb.dbx.teamMembersRemove({ user: byId(a) });
    expect(res.result['.tag']).toBe('async_job_id');
    expect(a.status).toBe('removed');
    const { tags } = await pollUntilDone(() => sb.dbx.teamMembersRemoveJobStatusGet({ async_job_id: (res.result as { async_job_id: string }).async_job_id }));
    expect(tags.at(-1)).toBe('complete');
  });

  it('keeps the account as a disconnected Basic account with keep_account', async () => {
    const [a] = plainMembers(sb, 1);
    a.devices = [device('s1')];
    await sb.dbx.teamMembersRemove({ user: byId(a), wipe_data: false, keep_account: true, retain_team_shares: true });
    expect(a.devices[0].wiped).toBe(false);
    expect((await wireProfile(sb, a.teamMemberId)).status).toEqual({ '.tag': 'removed', is_recoverable: false, is_disconnected: true });
  });

  it('permanently deletes files, which makes the removal unrecoverable', async () => {
    const [a] = plainMembers(sb, 1);
    await sb.dbx.teamMembersRemove({ user: byId(a), permanently_delete_files: true });
    expect(a.files.deleted).toBe(true);
    expect(a.files.transferredTo).toBeUndefined();
    expect((await wireProfile(sb, a.teamMemberId)).status).toMatchObject({ is_recoverable: false });
  });

  it('accepts null for the optional transfer fields', async () => {
    const [a] = plainMembers(sb, 1);
    const res = await rawCall(sb, 'team/members/remove', JSON.stringify({ user: byId(a), transfer_dest_id: null, transfer_admin_id: null }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ '.tag': 'complete' });
  });

  it('answers invalid_async_job_id for unknown ids and for ids of another kind of job', async () => {
    const unknown = await sdkError(sb.dbx.teamMembersRemoveJobStatusGet({ async_job_id: 'dbjid:nope' }));
    expect(unknown.status).toBe(409);
    expect(unknown.error.error['.tag']).toBe('invalid_async_job_id');

    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    const moved = await sb.dbx.teamMembersMoveFormerMemberFiles({ user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) });
    const otherKind = await sdkError(sb.dbx.teamMembersRemoveJobStatusGet({ async_job_id: (moved.result as { async_job_id: string }).async_job_id }));
    expect(otherKind.error.error['.tag']).toBe('invalid_async_job_id');
  });
});
