import type { Dropbox, team } from 'dropbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, sdkFor } from '../../support/sandbox-client.js';
import { TEAM_SCOPES } from '../../../main/sandbox/index.js';
import { byId, plainMembers, teamAdmin, userManagementAdmin, type Sb } from './members-remove-fixtures.js';

interface Case {
  tag: team.MembersRemoveError['.tag'];
  /** Prepares the team and returns the call; `client` defaults to the Team admin's SDK. */
  setup(sb: Sb): { arg: team.MembersRemoveArg; client?: Dropbox };
}

const nobody: team.UserSelectorArg = { '.tag': 'email', email: 'nobody@elsewhere.example' };

const cases: Case[] = [
  { tag: 'user_not_found', setup: () => ({ arg: { user: nobody } }) },
  {
    tag: 'user_not_in_team',
    setup(sb) {
      const [a] = plainMembers(sb, 1);
      a.status = 'removed';
      a.removal = { on: sb.sandbox.store.clock.now(), isDisconnected: false, unrecoverable: false };
      return { arg: { user: byId(a) } };
    },
  },
  {
    tag: 'cannot_retain_shares_when_no_account_kept',
    setup: (sb) => ({ arg: { user: byId(plainMembers(sb, 1)[0]), wipe_data: false, retain_team_shares: true } }),
  },
  {
    tag: 'cannot_retain_shares_when_data_wiped',
    setup: (sb) => ({ arg: { user: byId(plainMembers(sb, 1)[0]), keep_account: true, retain_team_shares: true } }),
  },
  {
    tag: 'cannot_keep_account_and_transfer',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      return { arg: { user: byId(a), wipe_data: false, keep_account: true, transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) } };
    },
  },
  {
    // wipe_data defaults to true, so keep_account alone breaks this rule.
    tag: 'cannot_keep_account_and_delete_data',
    setup: (sb) => ({ arg: { user: byId(plainMembers(sb, 1)[0]), keep_account: true } }),
  },
  {
    tag: 'cannot_keep_account_and_permanently_delete',
    setup: (sb) => ({ arg: { user: byId(plainMembers(sb, 1)[0]), wipe_data: false, keep_account: true, permanently_delete_files: true } }),
  },
  {
    tag: 'cannot_permanently_delete_and_transfer',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      return { arg: { user: byId(a), permanently_delete_files: true, transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) } };
    },
  },
  {
    tag: 'unspecified_transfer_admin_id',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      return { arg: { user: byId(a), transfer_dest_id: byId(b) } };
    },
  },
  {
    tag: 'cannot_keep_invited_user_account',
    setup(sb) {
      const [a] = plainMembers(sb, 1);
      a.status = 'invited';
      return { arg: { user: byId(a), wipe_data: false, keep_account: true } };
    },
  },
  {
    tag: 'cannot_keep_account',
    setup(sb) {
      const token = sb.sandbox.tokens.issueAccess(userManagementAdmin(sb).teamMemberId, TEAM_SCOPES);
      return { arg: { user: byId(plainMembers(sb, 1)[0]), wipe_data: false, keep_account: true }, client: sdkFor(sb, token) };
    },
  },
  { tag: 'remove_last_admin', setup: (sb) => ({ arg: { user: byId(teamAdmin(sb)) } }) },
  {
    tag: 'removed_and_transfer_dest_should_differ',
    setup(sb) {
      const [a] = plainMembers(sb, 1);
      return { arg: { user: byId(a), transfer_dest_id: byId(a), transfer_admin_id: byId(teamAdmin(sb)) } };
    },
  },
  {
    tag: 'transfer_dest_user_not_found',
    setup: (sb) => ({ arg: { user: byId(plainMembers(sb, 1)[0]), transfer_dest_id: nobody, transfer_admin_id: byId(teamAdmin(sb)) } }),
  },
  {
    tag: 'transfer_dest_user_not_in_team',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      b.status = 'suspended';
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) } };
    },
  },
  {
    tag: 'recipient_not_verified',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      b.emailVerified = false;
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) } };
    },
  },
  {
    tag: 'removed_and_transfer_admin_should_differ',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(a) } };
    },
  },
  {
    tag: 'transfer_admin_user_not_found',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: nobody } };
    },
  },
  {
    tag: 'transfer_admin_user_not_in_team',
    setup(sb) {
      const [a, b] = plainMembers(sb, 2);
      const admin = userManagementAdmin(sb);
      admin.status = 'suspended';
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(admin) } };
    },
  },
  {
    tag: 'transfer_admin_is_not_admin',
    setup(sb) {
      const [a, b, c] = plainMembers(sb, 3);
      return { arg: { user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(c) } };
    },
  },
];

describe('sandbox: members/remove preflight rules', () => {
  let sb: Sb;
  beforeEach(async () => {
    sb = await withSandbox();
  });
  afterEach(() => sb.close());

  it.each(cases)('answers 409 $tag and changes nothing', async ({ tag, setup }) => {
    const { arg, client } = setup(sb);
    const before = JSON.stringify(sb.sandbox.store.state.members);
    const e = await sdkError((client ?? sb.dbx).teamMembersRemove(arg));
    expect(e.status).toBe(409);
    expect(e.error.error['.tag']).toBe(tag);
    expect(e.error.error_summary).toMatch(new RegExp(`^${tag}/`));
    expect(JSON.stringify(sb.sandbox.store.state.members)).toBe(before);
  });

  it('refuses to remove a member who is receiving an in-progress transfer', async () => {
    await sb.close();
    sb = await withSandbox({ asyncJobDelayMs: 60_000 });
    const [a, b] = plainMembers(sb, 2);
    const started = await sb.dbx.teamMembersRemove({ user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) });
    expect(started.result['.tag']).toBe('async_job_id');
    const e = await sdkError(sb.dbx.teamMembersRemove({ user: byId(b) }));
    expect(e.error.error['.tag']).toBe('member_is_transfer_destination');
    expect(b.status).toBe('active');
  });

  it('lets a second Team admin remove the first', async () => {
    const [a] = plainMembers(sb, 1);
    a.roleIds = [...teamAdmin(sb).roleIds];
    // A change made behind the routes' back: the store re-reads the team (as other tests here do).
    sb.sandbox.store.changed();
    const res = await sb.dbx.teamMembersRemove({ user: byId(teamAdmin(sb)) });
    expect(res.result['.tag']).toBe('complete');
  });

  it('answers 400 for fields the spec does not define and for wrong types', async () => {
    const [a] = plainMembers(sb, 1);
    const unknown = await sdkError(sb.dbx.teamMembersRemove({ user: byId(a), wipe: true } as team.MembersRemoveArg));
    expect(unknown.status).toBe(400);
    const wrongType = await sdkError(sb.dbx.teamMembersRemove({ user: byId(a), keep_account: 'yes' } as unknown as team.MembersRemoveArg));
    expect(wrongType.status).toBe(400);
    expect(a.status).toBe('active');
  });
});
