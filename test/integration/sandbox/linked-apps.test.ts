import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';
import type { Member } from '../../../main/sandbox/index.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

describe('sandbox: linked apps through the real SDK', () => {
  let sb: Sb;
  const withApp = (appFolder: boolean, skip: Member[] = []): Member => {
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'active' && !skip.includes(x) && x.linkedApps.some((a) => a.isAppFolder === appFolder));
    if (!m) throw new Error('the seed has no such member');
    return m;
  };

  beforeAll(async () => {
    sb = await withSandbox({ members: 80, seed: 2 });
  });
  afterAll(() => sb.close());

  it("lists a member's linked apps with the ApiApp shape", async () => {
    const m = withApp(false);
    const res = await sb.dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: m.teamMemberId });
    expect(res.result.linked_api_apps.map((a) => a.app_id)).toEqual(m.linkedApps.map((a) => a.appId));
    const app = res.result.linked_api_apps.find((a) => !a.is_app_folder)!;
    expect(app.app_name).toBeTruthy();
    expect(app.linked).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(app.publisher_url).toMatch(/^https:\/\//);

    const none = sb.sandbox.store.state.members.find((x) => x.status === 'invited')!;
    expect((await sb.dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: none.teamMemberId })).result.linked_api_apps).toEqual([]);
  });

  it('answers member_not_found for unknown and removed members', async () => {
    const removed = sb.sandbox.store.state.members.find((m) => m.status === 'removed')!;
    for (const id of ['dbmid:nobody', removed.teamMemberId]) {
      const e = await sdkError(sb.dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: id }));
      expect(e.status).toBe(409);
      expect(e.error.error['.tag']).toBe('member_not_found');
      const r = await sdkError(sb.dbx.teamLinkedAppsRevokeLinkedApp({ app_id: 'dbaid:tk-slack', team_member_id: id }));
      expect(r.error.error['.tag']).toBe('member_not_found');
    }
  });

  it('revokes an app, which then is gone, and app_not_found after', async () => {
    const m = withApp(false);
    const appId = m.linkedApps.find((a) => !a.isAppFolder)!.appId;
    const res = await sb.dbx.teamLinkedAppsRevokeLinkedApp({ app_id: appId, team_member_id: m.teamMemberId });
    expect(res.result).toBeNull();
    const list = await sb.dbx.teamLinkedAppsListMemberLinkedApps({ team_member_id: m.teamMemberId });
    expect(list.result.linked_api_apps.map((a) => a.app_id)).not.toContain(appId);
    const again = await sdkError(sb.dbx.teamLinkedAppsRevokeLinkedApp({ app_id: appId, team_member_id: m.teamMemberId }));
    expect(again.error.error['.tag']).toBe('app_not_found');
  });

  it('keeps app folders: removing one is app_folder_removal_not_supported', async () => {
    const m = withApp(true);
    const appId = m.linkedApps.find((a) => a.isAppFolder)!.appId;
    const e = await sdkError(sb.dbx.teamLinkedAppsRevokeLinkedApp({ app_id: appId, team_member_id: m.teamMemberId, keep_app_folder: false }));
    expect(e.error.error['.tag']).toBe('app_folder_removal_not_supported');
    expect(m.linkedApps.map((a) => a.appId)).toContain(appId);
    await sb.dbx.teamLinkedAppsRevokeLinkedApp({ app_id: appId, team_member_id: m.teamMemberId });
    expect(m.linkedApps.map((a) => a.appId)).not.toContain(appId);
  });

  it('needs sessions.list to read and sessions.modify to revoke', async () => {
    const m = withApp(false);
    const none = sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), ['members.read']);
    const list = await rawCall(sb, 'team/linked_apps/list_member_linked_apps', JSON.stringify({ team_member_id: m.teamMemberId }), { Authorization: `Bearer ${none}` });
    expect(list.status).toBe(401);
    expect((await list.json()).error.required_scope).toBe('sessions.list');
    const reader = sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), ['sessions.list']);
    const revoke = await rawCall(sb, 'team/linked_apps/revoke_linked_app', JSON.stringify({ app_id: 'x', team_member_id: m.teamMemberId }), { Authorization: `Bearer ${reader}` });
    expect(revoke.status).toBe(401);
    expect((await revoke.json()).error.required_scope).toBe('sessions.modify');
  });
});
