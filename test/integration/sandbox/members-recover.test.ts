import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';
import { RECOVER_WINDOW_MS } from '../../../main/sandbox/model/team-store.js';
import { byId, plainMembers, teamAdmin, type Sb } from './members-remove-fixtures.js';

describe('sandbox: members/recover', () => {
  let sb: Sb;
  beforeEach(async () => {
    sb = await withSandbox();
  });
  afterEach(() => sb.close());

  it('brings a removed member back as active within 7 days', async () => {
    const [a] = plainMembers(sb, 1);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    sb.sandbox.store.clock.advance(RECOVER_WINDOW_MS - 60_000);
    const res = await sb.dbx.teamMembersRecover({ user: byId(a) });
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    expect(a.status).toBe('active');
    expect(a.removal).toBeUndefined();
  });

  it('refuses once 7 days have passed on the sandbox clock', async () => {
    const [a] = plainMembers(sb, 1);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    sb.sandbox.store.clock.advance(RECOVER_WINDOW_MS);
    const e = await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }));
    expect(e.status).toBe(409);
    expect(e.error.error['.tag']).toBe('user_unrecoverable');
    expect(a.status).toBe('removed');
  });

  it('refuses after the files were transferred', async () => {
    const [a, b] = plainMembers(sb, 2);
    await sb.dbx.teamMembersRemove({ user: byId(a), transfer_dest_id: byId(b), transfer_admin_id: byId(teamAdmin(sb)) });
    const e = await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }));
    expect(e.error.error['.tag']).toBe('user_unrecoverable');
  });

  it('answers user_not_in_team for a member who kept their account', async () => {
    const [a] = plainMembers(sb, 1);
    await sb.dbx.teamMembersRemove({ user: byId(a), wipe_data: false, keep_account: true });
    const e = await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }));
    expect(e.error.error['.tag']).toBe('user_not_in_team');
  });

  it('answers user_unrecoverable for a member still on the team and user_not_found for nobody', async () => {
    const [a] = plainMembers(sb, 1);
    expect((await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }))).error.error['.tag']).toBe('user_unrecoverable');
    const nobody = await sdkError(sb.dbx.teamMembersRecover({ user: { '.tag': 'email', email: 'nobody@elsewhere.example' } }));
    expect(nobody.error.error['.tag']).toBe('user_not_found');
  });

  it('answers team_license_limit when every license is taken', async () => {
    const [a] = plainMembers(sb, 1);
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    sb.sandbox.store.state.team.numLicensedUsers = sb.sandbox.store.provisionedCount();
    const e = await sdkError(sb.dbx.teamMembersRecover({ user: byId(a) }));
    expect(e.error.error['.tag']).toBe('team_license_limit');
    expect(a.status).toBe('removed');
  });

  it('brings an invited member back as invited', async () => {
    const [a] = plainMembers(sb, 1);
    a.status = 'invited';
    delete a.joinedOn;
    await sb.dbx.teamMembersRemove({ user: byId(a) });
    await sb.dbx.teamMembersRecover({ user: byId(a) });
    expect(a.status).toBe('invited');
  });
});
