import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { desktopSession, liveDevices, mobileSession, revokeArg, revokeSession, webSession } from './devices.js';
import { membersPage, optionalCursor } from './team-sessions-page.js';
import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';

const listArg = z.strictObject({
  cursor: optionalCursor,
  include_web_sessions: z.boolean().default(true),
  include_desktop_clients: z.boolean().default(true),
  include_mobile_clients: z.boolean().default(true),
});

type ListArg = z.output<typeof listArg>;

const batchArg = z.strictObject({ revoke_devices: z.array(revokeArg) });

type BatchArg = z.output<typeof batchArg>;

/**
 * A member's entry in the team-wide listing: the same sessions
 * list_member_devices shows for them. Removed members (whom that route does
 * not know) and members with no session of the asked kinds are left out.
 */
function memberDevices(m: Member, arg: ListArg): team.MemberDevices | undefined {
  if (m.status === 'removed') return undefined;
  const web = arg.include_web_sessions ? liveDevices(m, 'web') : [];
  const desktop = arg.include_desktop_clients ? liveDevices(m, 'desktop') : [];
  const mobile = arg.include_mobile_clients ? liveDevices(m, 'mobile') : [];
  if (web.length + desktop.length + mobile.length === 0) return undefined;
  const out: team.MemberDevices = { team_member_id: m.teamMemberId };
  if (arg.include_web_sessions) out.web_sessions = web.map(webSession);
  if (arg.include_desktop_clients) out.desktop_clients = desktop.map(desktopSession);
  if (arg.include_mobile_clients) out.mobile_clients = mobile.map(mobileSession);
  return out;
}

export const devicesTeamRoutes = [
  route<ListArg, team.ListMembersDevicesResult>({
    path: 'team/devices/list_members_devices',
    scope: 'sessions.list',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      const page = membersPage(store, 'members_devices', arg.cursor, (m) => memberDevices(m, arg));
      const out: team.ListMembersDevicesResult = { devices: page.items, has_more: page.has_more };
      if (page.cursor !== undefined) out.cursor = page.cursor;
      return out;
    },
  }),
  route<BatchArg, team.RevokeDeviceSessionBatchResult>({
    path: 'team/devices/revoke_device_session_batch',
    scope: 'sessions.modify',
    write: true,
    schema: batchArg,
    /** Each item as revoke_device_session would do it, in order; a failed item does not stop the rest. */
    handle({ store }, arg) {
      const revoke_devices_status = arg.revoke_devices.map((item): team.RevokeDeviceSessionStatus => {
        try {
          revokeSession(store, item);
          return { success: true };
        } catch (err) {
          if (!(err instanceof RouteError)) throw err;
          return { success: false, error_type: { '.tag': err.tag } as team.RevokeDeviceSessionError };
        }
      });
      return { revoke_devices_status };
    },
  }),
];
