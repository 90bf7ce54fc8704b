import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { apiApp, revokeApp, revokeArg } from './linked-apps.js';
import { membersPage, optionalCursor } from './team-sessions-page.js';
import { RouteError } from '../http/errors.js';

const listArg = z.strictObject({ cursor: optionalCursor });

const batchArg = z.strictObject({ revoke_linked_app: z.array(revokeArg) });

type BatchArg = z.output<typeof batchArg>;

export const linkedAppsTeamRoutes = [
  route<z.output<typeof listArg>, team.ListMembersAppsResult>({
    path: 'team/linked_apps/list_members_linked_apps',
    scope: 'sessions.list',
    write: false,
    schema: listArg,
    /** The apps list_member_linked_apps shows, for every member still on the team who has any. */
    handle({ store }, arg) {
      const page = membersPage(store, 'members_linked_apps', arg.cursor, (m): team.MemberLinkedApps | undefined =>
        m.status === 'removed' || m.linkedApps.length === 0 ? undefined : { team_member_id: m.teamMemberId, linked_api_apps: m.linkedApps.map(apiApp) },
      );
      const out: team.ListMembersAppsResult = { apps: page.items, has_more: page.has_more };
      if (page.cursor !== undefined) out.cursor = page.cursor;
      return out;
    },
  }),
  route<BatchArg, team.RevokeLinkedAppBatchResult>({
    path: 'team/linked_apps/revoke_linked_app_batch',
    scope: 'sessions.modify',
    write: true,
    schema: batchArg,
    /** Each item as revoke_linked_app would do it, in order; a failed item does not stop the rest. */
    handle({ store }, arg) {
      const revoke_linked_app_status = arg.revoke_linked_app.map((item): team.RevokeLinkedAppStatus => {
        try {
          revokeApp(store, item);
          return { success: true };
        } catch (err) {
          if (!(err instanceof RouteError)) throw err;
          return { success: false, error_type: { '.tag': err.tag } as team.RevokeLinkedAppError };
        }
      });
      return { revoke_linked_app_status };
    },
  }),
];
