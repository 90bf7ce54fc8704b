import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, routeErrorTag, withSandbox } from '../../support/sandbox-client.js';
import type { Member } from '../../../main/sandbox/model/types.js';

describe('sandbox: members/suspend and members/unsuspend through the real SDK', () => {
  let sb: Awaited<ReturnType<typeof withSandbox>>;
  let withDevices: Member[];
  beforeAll(async () => {
    sb = await withSandbox();
    withDevices = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0 && m.devices.length > 0);
  });
  afterAll(() => sb.close());

  const tagOf = routeErrorTag;

  it('suspends and wipes devices by default', async () => {
    const m = withDevices[0];
    const res = await sb.dbx.teamMembersSuspend({ user: { '.tag': 'email', email: m.email } });
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    expect(m.status).toBe('suspended');
    expect(m.suspendedOn).toBeTypeOf('number');
    expect(m.devices.every((d) => d.wiped)).toBe(true);
    const info = await sb.dbx.teamMembersGetInfoV2({ members: [byId(m)] });
    const item = info.result.members_info[0];
    if (item['.tag'] !== 'member_info') throw new Error(item['.tag']);
    expect(item.profile.status['.tag']).toBe('suspended');
    expect(item.profile.suspended_on).toMatch(/Z$/);
  });

  it('leaves devices alone with wipe_data false', async () => {
    const m = withDevices[1];
    await sb.dbx.teamMembersSuspend({ user: byId(m), wipe_data: false });
    expect(m.status).toBe('suspended');
    expect(m.devices.some((d) => d.wiped)).toBe(false);
  });

  it('unsuspends a suspended member', async () => {
    const m = withDevices[1];
    await sb.dbx.teamMembersUnsuspend({ user: byId(m) });
    expect(m.status).toBe('active');
    expect(m.suspendedOn).toBeUndefined();
    expect(await tagOf(sb.dbx.teamMembersUnsuspend({ user: byId(m) }))).toBe('unsuspend_non_suspended_member');
  });

  it('answers the suspend error tags', async () => {
    const store = sb.sandbox.store;
    const invited = store.state.members.find((m) => m.status === 'invited')!;
    const suspended = store.state.members.find((m) => m.status === 'suspended')!;
    const removed = withDevices[2];
    removed.status = 'removed';
    removed.removal = { on: store.clock.now(), isDisconnected: false, unrecoverable: false };
    const [sam] = store.activeTeamAdmins();
    expect(await tagOf(sb.dbx.teamMembersSuspend({ user: byId(invited) }))).toBe('suspend_inactive_user');
    expect(await tagOf(sb.dbx.teamMembersSuspend({ user: byId(suspended) }))).toBe('suspend_inactive_user');
    expect(await tagOf(sb.dbx.teamMembersSuspend({ user: byId(sam) }))).toBe('suspend_last_admin');
    expect(await tagOf(sb.dbx.teamMembersSuspend({ user: { '.tag': 'external_id', external_id: 'NOBODY' } }))).toBe('user_not_found');
    expect(await tagOf(sb.dbx.teamMembersSuspend({ user: byId(removed) }))).toBe('user_not_in_team');
    expect(await tagOf(sb.dbx.teamMembersUnsuspend({ user: byId(removed) }))).toBe('user_not_in_team');
    expect(sam.status).toBe('active');
    expect(invited.status).toBe('invited');
  });

  it('refuses to unsuspend while the team is over its license count', async () => {
    const store = sb.sandbox.store;
    const m = store.state.members.find((x) => x.status === 'suspended')!;
    const saved = store.state.team.numLicensedUsers;
    store.state.team.numLicensedUsers = store.provisionedCount() - 1;
    try {
      expect(await tagOf(sb.dbx.teamMembersUnsuspend({ user: byId(m) }))).toBe('team_license_limit');
      expect(m.status).toBe('suspended');
    } finally {
      store.state.team.numLicensedUsers = saved;
    }
  });
});
