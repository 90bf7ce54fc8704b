import type { team } from 'dropbox';
import { route } from './route.js';
import { selectorKey } from './schemas.js';
import { argSchema } from '../spec/arg-schema.js';
import { ROLES } from '../model/roles.js';

/** Straight from the spec: selectors with their own limits (external id ≤ 64, email pattern). */
const getInfoArg = argSchema<team.MembersGetInfoV2Arg>('team', 'MembersGetInfoV2Arg');


export const membersInfoRoutes = [
  route<team.MembersGetInfoV2Arg, team.MembersGetInfoV2Result>({
    path: 'team/members/get_info_v2',
    scope: 'members.read',
    write: false,
    schema: getInfoArg,
    handle({ store }, arg) {
      // Removed members are answered too (status removed): that is where is_recoverable is read.
      const members_info = arg.members.map((sel): team.MembersGetInfoItemV2 => {
        const m = store.findMember(sel);
        if (!m) return { '.tag': 'id_not_found', id_not_found: selectorKey(sel) };
        return { '.tag': 'member_info', ...store.memberInfoV2(m) };
      });
      return { members_info };
    },
  }),
  route<void, team.MembersGetAvailableTeamMemberRolesResult>({
    path: 'team/members/get_available_team_member_roles',
    scope: 'members.read',
    write: false,
    schema: null,
    handle() {
      return { roles: ROLES.map((r) => ({ ...r })) };
    },
  }),
];
