import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { teamMemberRoleId, userSelector } from './schemas.js';
import { isLastTeamAdmin, targetMember } from './members-target.js';
import { RouteError } from '../http/errors.js';
import { roleById, TEAM_ADMIN_ROLE_ID } from '../model/roles.js';

const setPermissionsArg = z.strictObject({
  user: userSelector,
  new_roles: z.array(teamMemberRoleId).max(1).optional(),
});

export const membersAdminRoutes = [
  route<z.infer<typeof setPermissionsArg>, team.MembersSetPermissions2Result>({
    path: 'team/members/set_admin_permissions_v2',
    scope: 'members.write',
    write: true,
    schema: setPermissionsArg,
    handle({ store }, arg) {
      const m = targetMember(store, arg.user);
      // No roles at all (absent or empty) makes the member a plain member, per the spec's field note.
      const roleIds = arg.new_roles ?? [];
      if (roleIds.some((id) => !roleById(id))) throw new RouteError('role_not_found');
      if (m.status === 'suspended') throw new RouteError('cannot_set_permissions');
      if (!roleIds.includes(TEAM_ADMIN_ROLE_ID) && isLastTeamAdmin(store, m)) throw new RouteError('last_admin');
      m.roleIds = [...roleIds];
      return { team_member_id: m.teamMemberId, roles: store.memberInfoV2(m).roles ?? [] };
    },
  }),
];
