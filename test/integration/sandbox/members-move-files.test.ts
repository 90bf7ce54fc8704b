import type { team } from 'dropbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';
import { DAY_MS } from '../../../main/sandbox/model/clock.js';
import { byId, plainMembers, pollUntilDone, setFiles, teamAdmin, type Sb } from './members-remove-fixtures.js';

const jobIdOf = (r: { result: unknown }) => (r.result as { async_job_id: string }).async_job_id;

describe('sandbox: members/move_former_member_files', () => {
  let sb: Sb;
  beforeEach(async () => {
    sb = await withSandbox({ asyncJobDelayMs: 150 });
  });
  afterEach(() => sb.close());

  const move = (user: team.UserSelectorArg, dest: team.UserSelectorArg, admin?: team.UserSelectorArg) =>
    sb.dbx.teamMembersMoveFormerMemberFiles({ user, transfer_dest_id: dest, transfer_admin_id: admin ?? byId(teamAdmin(sb)) });

  it('moves a former member’s files once, through an async job', async () => {
    const [a, b] = plainMembers(sb, 2);
    setFiles(a, 42, 420_000);
    await sb.dbx.teamMembersRemove({ user: byId(a) });

    const res = await move(byId(a), byId(b));
    expect(res.result['.tag']).toBe('async_job_id');
    const { tags } = await pollUntilDone(() => sb.dbx.teamMembersMoveFormerMemberFilesJobStatusCheck({ async_job_id: jobIdOf(res) }));
    expect(tags[0]).toBe('in_progress');
    expect(tags.at(-1)).toBe('complete');
    expect(b.files.received.at(-1)).toMatchObject({ files: 42, bytes: 420_000, fromMemberId: a.teamMemberId });
    expect(a.files.transferredTo).toBe(b.teamMemberId);

    const again = await sdkError(move(byId(a), byId(b)));
    expect(again.status).toBe(409);
    expect(again.error.error['.tag']).toBe('user_data_already_transferred');

    const recover = await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }));
    expect(recover.error.error['.tag']).toBe('user_unrecoverable');
  });

  it('answers user_data_is_being_transferred while the first move is still running', async () => {
    await sb.close();
    sb = await withSandbox({ asyncJobDelayMs: 60_000 });
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    await move(byId(a), byId(b));
    const e = await sdkError(move(byId(a), byId(b)));
    expect(e.error.error['.tag']).toBe('user_data_is_being_transferred');
  });

  it('refuses members still on the team and unknown members', async () => {
    const [a, b] = plainMembers(sb, 2);
    expect((await sdkError(move(byId(a), byId(b)))).error.error['.tag']).toBe('user_not_removed');
    const nobody = await sdkError(move({ '.tag': 'email', email: 'nobody@elsewhere.example' }, byId(b)));
    expect(nobody.error.error['.tag']).toBe('user_not_found');
  });

  it.each([
    ['permanently deleted', { permanently_delete_files: true }, 0],
    ['kept as a Basic account', { wipe_data: false, keep_account: true }, 0],
    ['removed more than 180 days ago', {}, 181 * DAY_MS],
  ] as const)('answers user_data_cannot_be_transferred for files %s', async (_label, removeArg, later) => {
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a), ...removeArg });
    sb.sandbox.store.clock.advance(later);
    const e = await sdkError(move(byId(a), byId(b)));
    expect(e.error.error['.tag']).toBe('user_data_cannot_be_transferred');
    expect(a.files.transferredTo).toBeUndefined();
  });

  it('applies the transfer destination and admin rules of members/remove', async () => {
    const [a, b, c] = plainMembers(sb, 3);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    expect((await sdkError(move(byId(a), byId(a)))).error.error['.tag']).toBe('removed_and_transfer_dest_should_differ');
    b.emailVerified = false;
    expect((await sdkError(move(byId(a), byId(b)))).error.error['.tag']).toBe('recipient_not_verified');
    expect((await sdkError(move(byId(a), byId(c), byId(b)))).error.error['.tag']).toBe('transfer_admin_is_not_admin');
    expect(a.files.transferredTo).toBeUndefined();
  });

  it('answers 400 when transfer_admin_id is missing (the spec requires it here)', async () => {
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    const e = await sdkError(sb.dbx.teamMembersMoveFormerMemberFiles({ user: byId(a), transfer_dest_id: byId(b) } as team.MembersDataTransferArg));
    expect(e.status).toBe(400);
  });

  it('answers invalid_async_job_id for an unknown job', async () => {
    const e = await sdkError(sb.dbx.teamMembersMoveFormerMemberFilesJobStatusCheck({ async_job_id: 'dbjid:nope' }));
    expect(e.error.error['.tag']).toBe('invalid_async_job_id');
  });
});
