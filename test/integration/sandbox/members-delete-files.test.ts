import type { team } from 'dropbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routeErrorTag, withSandbox } from '../../support/sandbox-client.js';
import { DAY_MS } from '../../../main/sandbox/model/clock.js';
import { byId, plainMembers, pollUntilDone, setFiles, teamAdmin, type Sb } from './members-remove-fixtures.js';

describe('sandbox: members/delete_former_member_files through the real SDK', () => {
  let sb: Sb;
  beforeEach(async () => {
    sb = await withSandbox({ asyncJobDelayMs: 100 });
  });
  afterEach(() => sb.close());

  const del = (user: team.UserSelectorArg) => sb.dbx.teamMembersDeleteFormerMemberFiles({ user });
  const move = (user: team.UserSelectorArg, dest: team.UserSelectorArg) =>
    sb.dbx.teamMembersMoveFormerMemberFiles({ user, transfer_dest_id: dest, transfer_admin_id: byId(teamAdmin(sb)) });

  it('deletes a removed member’s files for good: no transfer, no recover, no second delete', async () => {
    const [a, b] = plainMembers(sb, 2);
    setFiles(a, 12, 34_000);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    const res = await del({ '.tag': 'email', email: a.email });
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    expect(a.files.deleted).toBe(true);
    expect(await routeErrorTag(move(byId(a), byId(b)))).toBe('user_data_cannot_be_transferred');
    expect(await routeErrorTag(sb.dbx.teamMembersRecover({ user: byId(a) }))).toBe('user_unrecoverable');
    expect(await routeErrorTag(del(byId(a)))).toBe('already_transferred_or_deleted');
    expect(b.files.received).toHaveLength(0);
  });

  it('answers user_not_removed for members still on the team, and user_not_found for strangers', async () => {
    const [a] = plainMembers(sb, 1);
    const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
    const suspended = sb.sandbox.store.state.members.find((m) => m.status === 'suspended')!;
    for (const m of [a, invited, suspended]) expect(await routeErrorTag(del(byId(m)))).toBe('user_not_removed');
    expect(await routeErrorTag(del({ '.tag': 'external_id', external_id: 'NOBODY' }))).toBe('user_not_found');
    expect(a.files.deleted).toBe(false);
  });

  it('answers transfer_in_progress while a move runs and already_transferred after it', async () => {
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    const job = await move(byId(a), byId(b));
    expect(await routeErrorTag(del(byId(a)))).toBe('transfer_in_progress');
    await pollUntilDone(() => sb.dbx.teamMembersMoveFormerMemberFilesJobStatusCheck({ async_job_id: (job.result as { async_job_id: string }).async_job_id }));
    expect(await routeErrorTag(del(byId(a)))).toBe('already_transferred');
    expect(a.files.deleted).toBe(false);
  });

  it('answers user_not_in_team for a member who kept their account, and already_transferred_or_deleted past the window', async () => {
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a), wipe_data: false, keep_account: true });
    expect(await routeErrorTag(del(byId(a)))).toBe('user_not_in_team');
    await sb.dbx.teamMembersRemove({ user: byId(b) });
    sb.sandbox.store.clock.advance(181 * DAY_MS);
    expect(await routeErrorTag(del(byId(b)))).toBe('already_transferred_or_deleted');
  });
});
