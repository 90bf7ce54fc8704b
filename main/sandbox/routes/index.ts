import type { RouteDef } from './route.js';
import { teamInfoRoutes } from './team-info.js';
import { membersListRoutes } from './members-list.js';
import { authRevokeRoutes } from './auth-revoke.js';
import { membersInfoRoutes } from './members-info.js';
import { membersAddRoutes } from './members-add.js';
import { membersAddJobRoutes } from './members-add-job.js';
import { membersProfileRoutes } from './members-profile.js';
import { membersAdminRoutes } from './members-admin.js';
import { membersSuspendRoutes } from './members-suspend.js';
import { membersWelcomeRoutes } from './members-welcome.js';
import { membersRemoveRoutes } from './members-remove.js';
import { membersRecoverRoutes } from './members-recover.js';
import { membersMoveFilesRoutes } from './members-move-files.js';
import { groupsListRoutes } from './groups-list.js';
import { groupsManageRoutes } from './groups-manage.js';
import { groupsMembersRoutes } from './groups-members.js';
import { devicesRoutes } from './devices.js';
import { linkedAppsRoutes } from './linked-apps.js';
import { membersBulkSuspendRoutes } from './members-bulk-suspend.js';
import { membersDeleteFilesRoutes } from './members-delete-files.js';
import { devicesTeamRoutes } from './devices-team.js';
import { linkedAppsTeamRoutes } from './linked-apps-team.js';

/** Every /2/ route the sandbox serves. */
export const ALL_ROUTES: RouteDef[] = [
  ...teamInfoRoutes,
  ...membersListRoutes,
  ...authRevokeRoutes,
  ...membersInfoRoutes,
  ...membersAddRoutes,
  ...membersAddJobRoutes,
  ...membersProfileRoutes,
  ...membersAdminRoutes,
  ...membersSuspendRoutes,
  ...membersWelcomeRoutes,
  ...membersRemoveRoutes,
  ...membersRecoverRoutes,
  ...membersMoveFilesRoutes,
  ...groupsListRoutes,
  ...groupsManageRoutes,
  ...groupsMembersRoutes,
  ...devicesRoutes,
  ...linkedAppsRoutes,
  ...membersBulkSuspendRoutes,
  ...membersDeleteFilesRoutes,
  ...devicesTeamRoutes,
  ...linkedAppsTeamRoutes,
];
