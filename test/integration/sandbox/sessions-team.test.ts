import type { team } from 'dropbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeErrorTag, withSandbox } from '../../support/sandbox-client.js';
import { control } from './control-api.js';
import { MEMBERS_PER_SESSIONS_PAGE } from '../../../main/sandbox/routes/team-sessions-page.js';
import type { Member } from '../../../main/sandbox/index.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

async function allDevices(sb: Sb, arg: Omit<team.ListMembersDevicesArg, 'cursor'> = {}): Promise<{ pages: number; devices: team.MemberDevices[] }> {
  let page = (await sb.dbx.teamDevicesListMembersDevices(arg)).result;
  const devices = [...page.devices];
  let pages = 1;
  while (page.has_more) {
    page = (await sb.dbx.teamDevicesListMembersDevices({ ...arg, cursor: page.cursor })).result;
    devices.push(...page.devices);
    pages++;
  }
  expect(page.cursor).toBeUndefined();
  return { pages, devices };
}

async function allApps(sb: Sb): Promise<{ pages: number; apps: team.MemberLinkedApps[] }> {
  let page = (await sb.dbx.teamLinkedAppsListMembersLinkedApps({})).result;
  const apps = [...page.apps];
  let pages = 1;
  while (page.has_more) {
    page = (await sb.dbx.teamLinkedAppsListMembersLinkedApps({ cursor: page.cursor })).result;
    apps.push(...page.apps);
    pages++;
  }
  return { pages, apps };
}

/** Sorted session ids of some session lists, to compare a team-wide entry with the per-member answer. */
const idsOf = (...lists: Array<Array<{ session_id: string }> | undefined>) =>
  lists
    .flatMap((l) => l ?? [])
    .map((x) => x.session_id)
    .sort();

describe('sandbox: team-wide device sessions and linked apps through the real SDK', () => {
  let sb: Sb;
  let members: Member[];
  const withDevices = () => members.filter((m) => m.status !== 'removed' && m.devices.some((d) => !d.wiped));
  beforeAll(async () => {
    sb = await withSandbox({ members: 400, seed: 9 });
    members = sb.sandbox.store.state.members;
  });
  afterAll(() => sb.close());

  it('pages through every member with sessions, each entry as list_member_devices shows it', async () => {
    const { pages, devices } = await allDevices(sb);
    const expected = withDevices();
    expect(expected.length).toBeGreaterThan(MEMBERS_PER_SESSIONS_PAGE);
    expect(pages).toBe(Math.ceil(expected.length / MEMBERS_PER_SESSIONS_PAGE));
    expect(devices.map((d) => d.team_member_id)).toEqual(expected.map((m) => m.teamMemberId));
    for (const entry of devices.slice(0, 25)) {
      const one = (await sb.dbx.teamDevicesListMemberDevices({ team_member_id: entry.team_member_id })).result;
      expect(idsOf(entry.web_sessions, entry.desktop_clients, entry.mobile_clients)).toEqual(idsOf(one.active_web_sessions, one.desktop_client_sessions, one.mobile_client_sessions));
      expect(entry.desktop_clients).toEqual(one.desktop_client_sessions);
    }
    const removed = members.filter((m) => m.status === 'removed').map((m) => m.teamMemberId);
    expect(devices.some((d) => removed.includes(d.team_member_id))).toBe(false);
  });

  it('leaves out the kinds not asked for, and the members left with none', async () => {
    const { devices } = await allDevices(sb, { include_web_sessions: false, include_mobile_clients: false });
    expect(devices.every((d) => Object.keys(d).sort().join() === 'desktop_clients,team_member_id' && d.desktop_clients!.length > 0)).toBe(true);
    expect(devices.map((d) => d.team_member_id)).toEqual(withDevices().filter((m) => m.devices.some((d) => d.kind === 'desktop' && !d.wiped)).map((m) => m.teamMemberId));
  });

  it('answers reset for a forged cursor, a cursor of the other listing, and one from before a team reset', async () => {
    const first = (await sb.dbx.teamDevicesListMembersDevices({})).result;
    const apps = (await sb.dbx.teamLinkedAppsListMembersLinkedApps({})).result;
    expect(await routeErrorTag(sb.dbx.teamDevicesListMembersDevices({ cursor: 'not-a-cursor' }))).toBe('reset');
    expect(await routeErrorTag(sb.dbx.teamDevicesListMembersDevices({ cursor: apps.cursor }))).toBe('reset');
    expect(await routeErrorTag(sb.dbx.teamLinkedAppsListMembersLinkedApps({ cursor: first.cursor }))).toBe('reset');
    expect((await sb.dbx.teamDevicesListMembersDevices({ cursor: first.cursor })).status).toBe(200);
    expect((await control(sb, 'POST', 'reset', {})).status).toBe(200);
    members = sb.sandbox.store.state.members;
    expect(await routeErrorTag(sb.dbx.teamDevicesListMembersDevices({ cursor: first.cursor }))).toBe('reset');
    expect(await routeErrorTag(sb.dbx.teamLinkedAppsListMembersLinkedApps({ cursor: apps.cursor }))).toBe('reset');
  });

  it('pages through every member with linked apps, each as list_member_linked_apps shows them', async () => {
    const { pages, apps } = await allApps(sb);
    const expected = members.filter((m) => m.status !== 'removed' && m.linkedApps.length > 0);
    expect(pages).toBe(Math.max(1, Math.ceil(expected.length / MEMBERS_PER_SESSIONS_PAGE)));
    expect(apps.map((a) => a.team_member_id)).toEqual(expected.map((m) => m.teamMemberId));
    const one = (await sb.dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: apps[0].team_member_id })).result;
    expect(apps[0].linked_api_apps).toEqual(one.linked_api_apps);
  });

  it('revokes device sessions in a batch: one status per item, in order, failures inside a 200', async () => {
    const [a, b] = withDevices().filter((m) => m.devices.length >= 1);
    const removed = members.find((m) => m.status === 'removed')!;
    const sa = a.devices[0];
    const sb2 = b.devices[0];
    const tagOf = (d: Member['devices'][number]) => ({ web: 'web_session', desktop: 'desktop_client', mobile: 'mobile_client' })[d.kind] as 'web_session';
    const res = await sb.dbx.teamDevicesRevokeDeviceSessionBatch({
      revoke_devices: [
        { '.tag': tagOf(sa), session_id: sa.sessionId, team_member_id: a.teamMemberId },
        { '.tag': tagOf(sa), session_id: sa.sessionId, team_member_id: a.teamMemberId },
        { '.tag': 'web_session', session_id: 'dbdsid:nope', team_member_id: b.teamMemberId },
        { '.tag': 'web_session', session_id: 'x', team_member_id: removed.teamMemberId },
        { '.tag': 'web_session', session_id: 'x', team_member_id: 'dbmid:nobody' },
        { '.tag': tagOf(sb2), session_id: sb2.sessionId, team_member_id: b.teamMemberId },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.result.revoke_devices_status).toEqual([
      { success: true },
      { success: false, error_type: { '.tag': 'device_session_not_found' } },
      { success: false, error_type: { '.tag': 'device_session_not_found' } },
      { success: false, error_type: { '.tag': 'member_not_found' } },
      { success: false, error_type: { '.tag': 'member_not_found' } },
      { success: true },
    ]);
    expect(a.devices.some((d) => d.sessionId === sa.sessionId && !d.wiped)).toBe(false);
    const listed = (await sb.dbx.teamDevicesListMemberDevices({ team_member_id: b.teamMemberId })).result;
    expect(idsOf(listed.active_web_sessions, listed.desktop_client_sessions, listed.mobile_client_sessions)).not.toContain(sb2.sessionId);
    expect((await sb.dbx.teamDevicesRevokeDeviceSessionBatch({ revoke_devices: [] })).result).toEqual({ revoke_devices_status: [] });
  });

  it('revokes linked apps in a batch: one status per item, in order, failures inside a 200', async () => {
    const owners = members.filter((m) => m.status === 'active' && m.linkedApps.length > 0);
    const plainApp = owners.flatMap((m) => m.linkedApps.filter((x) => !x.isAppFolder).map((app) => ({ m, app })))[0];
    const folderApp = owners.flatMap((m) => m.linkedApps.filter((x) => x.isAppFolder).map((app) => ({ m, app })))[0];
    const res = await sb.dbx.teamLinkedAppsRevokeLinkedAppBatch({
      revoke_linked_app: [
        { app_id: plainApp.app.appId, team_member_id: plainApp.m.teamMemberId },
        { app_id: plainApp.app.appId, team_member_id: plainApp.m.teamMemberId },
        { app_id: folderApp.app.appId, team_member_id: folderApp.m.teamMemberId, keep_app_folder: false },
        { app_id: 'dbaid:tk-slack', team_member_id: 'dbmid:nobody' },
      ],
    });
    expect(res.result.revoke_linked_app_status).toEqual([
      { success: true },
      { success: false, error_type: { '.tag': 'app_not_found' } },
      { success: false, error_type: { '.tag': 'app_folder_removal_not_supported' } },
      { success: false, error_type: { '.tag': 'member_not_found' } },
    ]);
    expect(plainApp.m.linkedApps.some((x) => x.appId === plainApp.app.appId)).toBe(false);
    expect(folderApp.m.linkedApps.some((x) => x.appId === folderApp.app.appId)).toBe(true);
  });

  it('refuses malformed batches with a 400 and revokes nothing', async () => {
    const a = withDevices()[0];
    const count = a.devices.length;
    const res = await fetch(`${sb.url}/2/team/devices/revoke_device_session_batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ revoke_devices: [{ '.tag': 'web_session', session_id: a.devices[0].sessionId, team_member_id: a.teamMemberId }, { '.tag': 'tablet', session_id: 'x', team_member_id: a.teamMemberId }] }),
    });
    expect(res.status).toBe(400);
    expect(a.devices).toHaveLength(count);
  });
});
