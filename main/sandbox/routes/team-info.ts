import type { team } from 'dropbox';
import { route } from './route.js';
import { RouteError } from '../http/errors.js';

export const teamInfoRoutes = [
  route<void, team.TeamGetInfoResult>({
    path: 'team/get_info',
    scope: 'team_info.read',
    write: false,
    schema: null,
    handle({ store }) {
      const provisioned = store.provisionedCount();
      return {
        name: store.state.team.name,
        team_id: store.state.team.teamId,
        num_licensed_users: store.state.team.numLicensedUsers,
        num_provisioned_users: provisioned,
        num_used_licenses: provisioned,
        policies: {
          sharing: {
            shared_folder_member_policy: { '.tag': 'team' },
            shared_folder_join_policy: { '.tag': 'from_anyone' },
            shared_link_create_policy: { '.tag': 'team_only' },
            group_creation_policy: { '.tag': 'admins_only' },
            shared_folder_link_restriction_policy: { '.tag': 'anyone' },
            enforce_link_password_policy: { '.tag': 'optional' },
            default_link_expiration_days_policy: { '.tag': 'none' },
            shared_link_default_permissions_policy: { '.tag': 'default' },
          },
          emm_state: { '.tag': 'disabled' },
          office_addin: { '.tag': 'enabled' },
          suggest_members_policy: { '.tag': 'enabled' },
          top_level_content_policy: { '.tag': 'admin_only' },
        },
      };
    },
  }),
  route<void, team.TokenGetAuthenticatedAdminResult>({
    path: 'team/token/get_authenticated_admin',
    scope: 'team_info.read',
    write: false,
    schema: null,
    handle({ store, adminId }) {
      const admin = store.memberById(adminId);
      if (!admin || admin.status !== 'active' || !store.isAdmin(admin)) throw new RouteError('admin_not_active');
      return { admin_profile: store.profile(admin) };
    },
  }),
];
