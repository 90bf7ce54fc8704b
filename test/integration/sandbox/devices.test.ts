import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';
import type { Member } from '../../../main/sandbox/index.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;
type Kind = Member['devices'][number]['kind'];

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('sandbox: member devices through the real SDK', () => {
  let sb: Sb;
  const withDevice = (kind: Kind, skip: Member[] = []): Member => {
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'active' && !skip.includes(x) && x.devices.some((d) => d.kind === kind));
    if (!m) throw new Error(`the seed has no member with a ${kind} device`);
    return m;
  };
  const sessionOf = (m: Member, kind: Kind): string => m.devices.find((d) => d.kind === kind)!.sessionId;

  beforeAll(async () => {
    sb = await withSandbox({ members: 80, seed: 2 });
  });
  afterAll(() => sb.close());

  it('lists web, desktop and mobile sessions with the spec shapes', async () => {
    const desktopOwner = withDevice('desktop');
    const res = await sb.dbx.teamDevicesListMemberDevices({ team_member_id: desktopOwner.teamMemberId });
    const { active_web_sessions: web, desktop_client_sessions: desktop, mobile_client_sessions: mobile } = res.result;
    const count = (k: Kind) => desktopOwner.devices.filter((d) => d.kind === k).length;
    expect(web).toHaveLength(count('web'));
    expect(mobile).toHaveLength(count('mobile'));
    expect(desktop).toHaveLength(count('desktop'));
    const d = desktop![0];
    expect(d.session_id).toBe(sessionOf(desktopOwner, 'desktop'));
    expect(['windows', 'mac', 'linux']).toContain(d.client_type['.tag']);
    expect(d.host_name).toBeTruthy();
    expect(d.client_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(d.is_delete_on_unlink_supported).toBe(true);
    expect(d.created).toMatch(TIMESTAMP);
    expect(d.updated).toMatch(TIMESTAMP);

    const webOwner = withDevice('web');
    const w = (await sb.dbx.teamDevicesListMemberDevices({ team_member_id: webOwner.teamMemberId })).result.active_web_sessions![0];
    expect(w.browser).toBeTruthy();
    expect(w.os).toBeTruthy();
    expect(w.user_agent).toContain(w.browser);

    const mobileOwner = withDevice('mobile');
    const mo = (await sb.dbx.teamDevicesListMemberDevices({ team_member_id: mobileOwner.teamMemberId })).result.mobile_client_sessions![0];
    expect(['iphone', 'ipad', 'android']).toContain(mo.client_type['.tag']);
    expect(mo.device_name).toBeTruthy();
  });

  it('leaves out the kinds the caller did not ask for', async () => {
    const m = withDevice('desktop');
    const res = await sb.dbx.teamDevicesListMemberDevices({ team_member_id: m.teamMemberId, include_web_sessions: false, include_mobile_clients: false });
    expect(Object.keys(res.result)).toEqual(['desktop_client_sessions']);
  });

  it('answers member_not_found for unknown and removed members', async () => {
    const removed = sb.sandbox.store.state.members.find((m) => m.status === 'removed')!;
    for (const id of ['dbmid:nobody', removed.teamMemberId]) {
      const e = await sdkError(sb.dbx.teamDevicesListMemberDevices({ team_member_id: id }));
      expect(e.status).toBe(409);
      expect(e.error.error['.tag']).toBe('member_not_found');
      const r = await sdkError(sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'web_session', session_id: 'x', team_member_id: id }));
      expect(r.error.error['.tag']).toBe('member_not_found');
    }
  });

  it('ends a web session, which then is gone', async () => {
    const m = withDevice('web');
    const sessionId = sessionOf(m, 'web');
    const res = await sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'web_session', session_id: sessionId, team_member_id: m.teamMemberId });
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    const list = await sb.dbx.teamDevicesListMemberDevices({ team_member_id: m.teamMemberId });
    expect(list.result.active_web_sessions!.map((s) => s.session_id)).not.toContain(sessionId);
    const again = await sdkError(sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'web_session', session_id: sessionId, team_member_id: m.teamMemberId }));
    expect(again.error.error['.tag']).toBe('device_session_not_found');
  });

  it('matches the session kind: a desktop session is not a mobile client', async () => {
    const m = withDevice('desktop');
    const e = await sdkError(sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'mobile_client', session_id: sessionOf(m, 'desktop'), team_member_id: m.teamMemberId }));
    expect(e.error.error['.tag']).toBe('device_session_not_found');
  });

  it('unlinks a desktop client, wiping it only when delete_on_unlink is set', async () => {
    const plain = withDevice('desktop');
    const plainSession = sessionOf(plain, 'desktop');
    await sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'desktop_client', session_id: plainSession, team_member_id: plain.teamMemberId });
    expect(plain.devices.find((d) => d.sessionId === plainSession)).toBeUndefined();

    const wiped = withDevice('desktop', [plain]);
    const wipedSession = sessionOf(wiped, 'desktop');
    await sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'desktop_client', session_id: wipedSession, team_member_id: wiped.teamMemberId, delete_on_unlink: true });
    expect(wiped.devices.find((d) => d.sessionId === wipedSession)?.wiped).toBe(true);
    const list = await sb.dbx.teamDevicesListMemberDevices({ team_member_id: wiped.teamMemberId });
    expect(list.result.desktop_client_sessions!.map((s) => s.session_id)).not.toContain(wipedSession);
    const again = await sdkError(sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'desktop_client', session_id: wipedSession, team_member_id: wiped.teamMemberId }));
    expect(again.error.error['.tag']).toBe('device_session_not_found');
  });

  it('unlinks a mobile client', async () => {
    const m = withDevice('mobile');
    const sessionId = sessionOf(m, 'mobile');
    await sb.dbx.teamDevicesRevokeDeviceSession({ '.tag': 'mobile_client', session_id: sessionId, team_member_id: m.teamMemberId });
    const list = await sb.dbx.teamDevicesListMemberDevices({ team_member_id: m.teamMemberId });
    expect(list.result.mobile_client_sessions!.map((s) => s.session_id)).not.toContain(sessionId);
  });

  it('needs sessions.modify to revoke and answers 400 for unknown union tags', async () => {
    const token = sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), ['sessions.list']);
    const m = withDevice('mobile');
    const list = await rawCall(sb, 'team/devices/list_member_devices', JSON.stringify({ team_member_id: m.teamMemberId }), { Authorization: `Bearer ${token}` });
    expect(list.status).toBe(200);
    const revoke = await rawCall(sb, 'team/devices/revoke_device_session', JSON.stringify({ '.tag': 'web_session', session_id: 'x', team_member_id: m.teamMemberId }), {
      Authorization: `Bearer ${token}`,
    });
    expect(revoke.status).toBe(401);
    expect((await revoke.json()).error).toEqual({ '.tag': 'missing_scope', required_scope: 'sessions.modify' });
    const bad = await rawCall(sb, 'team/devices/revoke_device_session', JSON.stringify({ '.tag': 'tablet', session_id: 'x', team_member_id: m.teamMemberId }));
    expect(bad.status).toBe(400);
  });
});
