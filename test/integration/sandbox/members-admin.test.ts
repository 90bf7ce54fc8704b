import { describe, expect, it } from 'vitest';
import type { team } from 'dropbox';
import { byId, routeErrorTag, sdkError } from '../../support/sandbox-client.js';
import { sandboxSuite } from '../../support/sandbox-suite.js';
import { ROLES, TEAM_ADMIN_ROLE_ID } from '../../../main/sandbox/model/roles.js';

describe('sandbox: members/set_admin_permissions_v2 through the real SDK', () => {
  const suite = sandboxSuite();

  const tagOf = (arg: team.MembersSetPermissions2Arg) => routeErrorTag(suite.sb.dbx.teamMembersSetAdminPermissionsV2(arg));

  it('grants and revokes a role', async () => {
    const m = suite.plain[0];
    const granted = await suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(m), new_roles: [ROLES[3].role_id] });
    expect(granted.result).toEqual({ team_member_id: m.teamMemberId, roles: [ROLES[3]] });
    expect(m.roleIds).toEqual([ROLES[3].role_id]);
    const revoked = await suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(m), new_roles: [] });
    expect(revoked.result.roles).toEqual([]);
    expect(m.roleIds).toEqual([]);
  });

  it('protects the last active Team admin', async () => {
    const store = suite.sb.sandbox.store;
    const [sam] = store.activeTeamAdmins();
    expect(store.activeTeamAdmins()).toHaveLength(1);
    expect(await tagOf({ user: byId(sam), new_roles: [ROLES[1].role_id] })).toBe('last_admin');
    expect(sam.roleIds).toEqual([TEAM_ADMIN_ROLE_ID]);

    // With a second Team admin, the first may step down; the second is then the last one.
    const heir = suite.plain[1];
    await suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(heir), new_roles: [TEAM_ADMIN_ROLE_ID] });
    await suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(sam), new_roles: [ROLES[1].role_id] });
    expect(store.activeTeamAdmins()).toEqual([heir]);
    expect(await tagOf({ user: byId(heir), new_roles: [] })).toBe('last_admin');
  });

  it('answers the spec error tags', async () => {
    const store = suite.sb.sandbox.store;
    const suspended = store.state.members.find((m) => m.status === 'suspended')!;
    const removed = suite.plain[2];
    removed.status = 'removed';
    removed.removal = { on: store.clock.now(), isDisconnected: false, unrecoverable: false };
    expect(await tagOf({ user: byId(suite.plain[3]), new_roles: ['pid_dbtmr:no-such-role'] })).toBe('role_not_found');
    expect(await tagOf({ user: { '.tag': 'team_member_id', team_member_id: 'dbmid:nobody' }, new_roles: [] })).toBe('user_not_found');
    expect(await tagOf({ user: byId(removed), new_roles: [] })).toBe('user_not_in_team');
    expect(await tagOf({ user: byId(suspended), new_roles: [ROLES[2].role_id] })).toBe('cannot_set_permissions');
    expect(suspended.roleIds).toEqual([]);
  });

  it('answers 400 for more than one role or a malformed role id', async () => {
    const twoRoles = await sdkError(suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(suite.plain[4]), new_roles: [ROLES[1].role_id, ROLES[2].role_id] }));
    expect(twoRoles.status).toBe(400);
    const malformed = await sdkError(suite.sb.dbx.teamMembersSetAdminPermissionsV2({ user: byId(suite.plain[4]), new_roles: ['admin'] }));
    expect(malformed.status).toBe(400);
  });
});
