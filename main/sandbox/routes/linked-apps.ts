import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { sessionOwner } from './devices-member.js';
import { RouteError } from '../http/errors.js';
import { dropboxTimestamp } from '../model/clock.js';
import type { LinkedApp } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

export type RevokeArg = Required<team.RevokeLinkedApiAppArg>;

const listArg = z.strictObject({ team_member_id: z.string() }) satisfies z.ZodType<team.ListMemberAppsArg>;

export const revokeArg = z.strictObject({
  app_id: z.string(),
  team_member_id: z.string(),
  keep_app_folder: z.boolean().default(true),
}) satisfies z.ZodType<RevokeArg>;

export function apiApp(a: LinkedApp): team.ApiApp {
  const app: team.ApiApp = { app_id: a.appId, app_name: a.appName, is_app_folder: a.isAppFolder, linked: dropboxTimestamp(a.linked) };
  if (a.publisher !== undefined) app.publisher = a.publisher;
  if (a.publisherUrl !== undefined) app.publisher_url = a.publisherUrl;
  return app;
}

/** Unlinks one app; throws RouteError(member_not_found | app_not_found | app_folder_removal_not_supported). */
export function revokeApp(store: TeamStore, arg: RevokeArg): void {
  const m = sessionOwner(store, arg.team_member_id);
  const app = m.linkedApps.find((a) => a.appId === arg.app_id);
  if (!app) throw new RouteError('app_not_found');
  // keep_app_folder is deprecated: Dropbox always keeps the app's folder and refuses to remove it.
  if (!arg.keep_app_folder && app.isAppFolder) throw new RouteError('app_folder_removal_not_supported');
  m.linkedApps = m.linkedApps.filter((a) => a !== app);
}

export const linkedAppsRoutes = [
  route<team.ListMemberAppsArg, team.ListMemberAppsResult>({
    path: 'team/linked_apps/list_member_linked_apps',
    scope: 'sessions.list',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      return { linked_api_apps: sessionOwner(store, arg.team_member_id).linkedApps.map(apiApp) };
    },
  }),
  route<RevokeArg, void>({
    path: 'team/linked_apps/revoke_linked_app',
    scope: 'sessions.modify',
    write: true,
    schema: revokeArg,
    handle({ store }, arg) {
      revokeApp(store, arg);
    },
  }),
];
