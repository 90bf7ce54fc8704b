import type { team } from 'dropbox';
import type { DeviceInfo, LinkedAppInfo, MemberDetail, NamedRef } from '../../../preload/contract.js';
import { AppError } from '../errors.js';
import type { DropboxClient } from '../dropbox/client.js';
import { isMissingRoute } from './sync.js';
import { toMemberRow } from './member-row.js';

/**
 * Sessions routes answer member_not_found for removed members (they are no
 * longer the team's to list): for the detail panel that just means "none".
 */
function isNothingToList(err: unknown): boolean {
  return isMissingRoute(err) || (err instanceof AppError && err.code === 'dropbox_error' && err.dropboxTag === 'member_not_found');
}

async function orEmpty<T>(call: () => Promise<T[]>): Promise<T[]> {
  try {
    return await call();
  } catch (err) {
    if (isNothingToList(err)) return [];
    throw err;
  }
}

function session(kind: DeviceInfo['kind'], s: team.DeviceSession, name: string, platform?: string): DeviceInfo {
  const d: DeviceInfo = { sessionId: s.session_id, kind, name };
  if (platform) d.platform = platform;
  if (s.ip_address) d.ipAddress = s.ip_address;
  if (s.country) d.country = s.country;
  if (s.created) d.created = s.created;
  if (s.updated) d.updated = s.updated;
  return d;
}

export function toDevices(r: team.ListMemberDevicesResult): DeviceInfo[] {
  return [
    ...(r.desktop_client_sessions ?? []).map((s) => session('desktop', s, s.host_name, s.platform)),
    ...(r.mobile_client_sessions ?? []).map((s) => session('mobile', s, s.device_name, s.os_version ? `${s.client_type['.tag']} ${s.os_version}` : s.client_type['.tag'])),
    ...(r.active_web_sessions ?? []).map((s) => session('web', s, s.browser, s.os)),
  ];
}

export function toLinkedApps(r: team.ListMemberAppsResult): LinkedAppInfo[] {
  return r.linked_api_apps.map((a) => {
    const app: LinkedAppInfo = { appId: a.app_id, appName: a.app_name };
    if (a.publisher) app.publisher = a.publisher;
    if (a.linked) app.linked = a.linked;
    return app;
  });
}

export interface DetailContext {
  client: DropboxClient;
  /** Names from the last directory sync, to label role and group ids. */
  groups: NamedRef[];
  /** File usage, where the connection can tell (the sandbox); real teams cannot. */
  fileUsage?: (memberId: string) => { files: number; bytes: number } | undefined;
}

/** Profile and roles (members/get_info_v2), devices and linked apps of one member. */
export async function memberDetail(ctx: DetailContext, memberId: string): Promise<MemberDetail> {
  const { client } = ctx;
  const [info, devices, linkedApps] = await Promise.all([
    client.call('team/members/get_info_v2', 'read', (dbx, o) => dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'team_member_id', team_member_id: memberId }] }, o)),
    orEmpty(async () => toDevices(await client.call('team/devices/list_member_devices', 'read', (dbx, o) => dbx.teamDevicesListMemberDevices({ team_member_id: memberId }, o)))),
    orEmpty(async () => toLinkedApps(await client.call('team/linked_apps/list_member_linked_apps', 'read', (dbx, o) => dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: memberId }, o)))),
  ]);
  const item = info.members_info[0];
  if (!item || item['.tag'] !== 'member_info') throw new AppError('member_not_found', 'This member is no longer on the team. Refresh the directory.', 'id_not_found');
  const member = toMemberRow(item);
  const groupNames = new Map(ctx.groups.map((g) => [g.id, g.name]));
  const detail: MemberDetail = {
    member,
    roles: (item.roles ?? []).map((r) => ({ id: r.role_id, name: r.name })),
    groups: member.groupIds.map((id) => ({ id, name: groupNames.get(id) ?? id })),
    devices,
    linkedApps,
  };
  const usage = ctx.fileUsage?.(memberId);
  if (usage) detail.fileUsage = usage;
  return detail;
}
