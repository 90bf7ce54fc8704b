import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { selectorKey, userSelector } from './schemas.js';
import { ROLES } from '../model/roles.js';

const getInfoArg = z.strictObject({ members: z.array(userSelector) });


export const membersInfoRoutes = [
  route<z.infer<typeof getInfoArg>, team.MembersGetInfoV2Result>({
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
