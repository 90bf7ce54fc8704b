import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { sessionOwner } from './devices-member.js';
import { RouteError } from '../http/errors.js';
import { dropboxTimestamp } from '../model/clock.js';
import type { Device, Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

type ListArg = Required<team.ListMemberDevicesArg>;

const listArg = z.strictObject({
  team_member_id: z.string(),
  include_web_sessions: z.boolean().default(true),
  include_desktop_clients: z.boolean().default(true),
  include_mobile_clients: z.boolean().default(true),
}) satisfies z.ZodType<ListArg>;

const sessionFields = { session_id: z.string(), team_member_id: z.string() };

/** team.RevokeDeviceSessionArg: a union whose members are structs, flattened beside ".tag". */
export const revokeArg = z.discriminatedUnion('.tag', [
  z.strictObject({ '.tag': z.literal('web_session'), ...sessionFields }),
  z.strictObject({ '.tag': z.literal('desktop_client'), ...sessionFields, delete_on_unlink: z.boolean().default(false) }),
  z.strictObject({ '.tag': z.literal('mobile_client'), ...sessionFields }),
]) satisfies z.ZodType<team.RevokeDeviceSessionArg>;

const DESKTOP_PLATFORMS: ReadonlySet<string> = new Set(['windows', 'mac', 'linux']);
const MOBILE_PLATFORMS: ReadonlySet<string> = new Set(['iphone', 'ipad', 'android', 'windows_phone', 'blackberry']);
const DESKTOP_OS: Record<string, string> = { windows: 'Windows', mac: 'Mac OS X', linux: 'Linux' };

const KIND_OF_TAG: Record<team.RevokeDeviceSessionArg['.tag'], Device['kind']> = {
  web_session: 'web',
  desktop_client: 'desktop',
  mobile_client: 'mobile',
};

/**
 * A device told to wipe itself was unlinked at the same time; it stays in the
 * model (so the state shows the wipe) but is no longer a session.
 */
export function liveDevices(m: Member, kind: Device['kind']): Device[] {
  return m.devices.filter((d) => d.kind === kind && !d.wiped);
}

function sessionBase(d: Device): team.DeviceSession {
  const s: team.DeviceSession = { session_id: d.sessionId, created: dropboxTimestamp(d.created), updated: dropboxTimestamp(d.updated) };
  if (d.ipAddress !== undefined) s.ip_address = d.ipAddress;
  if (d.country !== undefined) s.country = d.country;
  return s;
}

export function webSession(d: Device): team.ActiveWebSession {
  return { ...sessionBase(d), user_agent: `Mozilla/5.0 (${d.platform}) ${d.name}`, os: d.platform, browser: d.name };
}

export function desktopSession(d: Device): team.DesktopClientSession {
  const known = DESKTOP_PLATFORMS.has(d.platform);
  return {
    ...sessionBase(d),
    host_name: d.name,
    client_type: (known ? { '.tag': d.platform } : { '.tag': 'other' }) as team.DesktopPlatform,
    client_version: d.clientVersion ?? '',
    platform: DESKTOP_OS[d.platform] ?? d.platform,
    is_delete_on_unlink_supported: true,
  };
}

export function mobileSession(d: Device): team.MobileClientSession {
  const known = MOBILE_PLATFORMS.has(d.platform);
  const s: team.MobileClientSession = {
    ...sessionBase(d),
    device_name: d.name,
    client_type: (known ? { '.tag': d.platform } : { '.tag': 'other' }) as team.MobileClientPlatform,
  };
  if (d.clientVersion !== undefined) s.client_version = d.clientVersion;
  return s;
}

/** Ends one session; throws RouteError(member_not_found | device_session_not_found). */
export function revokeSession(store: TeamStore, arg: z.output<typeof revokeArg>): void {
  const m = sessionOwner(store, arg.team_member_id);
  const kind = KIND_OF_TAG[arg['.tag']];
  const device = m.devices.find((d) => d.sessionId === arg.session_id && d.kind === kind && !d.wiped);
  if (!device) throw new RouteError('device_session_not_found');
  if (arg['.tag'] === 'desktop_client' && arg.delete_on_unlink) device.wiped = true;
  else m.devices = m.devices.filter((d) => d !== device);
}

export const devicesRoutes = [
  route<ListArg, team.ListMemberDevicesResult>({
    path: 'team/devices/list_member_devices',
    scope: 'sessions.list',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      const m = sessionOwner(store, arg.team_member_id);
      const out: team.ListMemberDevicesResult = {};
      if (arg.include_web_sessions) out.active_web_sessions = liveDevices(m, 'web').map(webSession);
      if (arg.include_desktop_clients) out.desktop_client_sessions = liveDevices(m, 'desktop').map(desktopSession);
      if (arg.include_mobile_clients) out.mobile_client_sessions = liveDevices(m, 'mobile').map(mobileSession);
      return out;
    },
  }),
  route<z.output<typeof revokeArg>, void>({
    path: 'team/devices/revoke_device_session',
    scope: 'sessions.modify',
    write: true,
    schema: revokeArg,
    handle({ store }, arg) {
      revokeSession(store, arg);
    },
  }),
];
