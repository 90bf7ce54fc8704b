import type { RouteDef } from './route.js';
import { teamInfoRoutes } from './team-info.js';
import { membersListRoutes } from './members-list.js';

/** Every /2/ route the sandbox serves. */
export const ALL_ROUTES: RouteDef[] = [...teamInfoRoutes, ...membersListRoutes];
