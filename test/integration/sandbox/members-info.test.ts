import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, rawCall } from '../../support/sandbox-client.js';

describe('sandbox: members/get_info_v2 and roles through the real SDK', () => {
  let sb: Awaited<ReturnType<typeof withSandbox>>;
  beforeAll(async () => {
    sb = await withSandbox();
  });
  afterAll(() => sb.close());

  it('answers each selector in order, with id_not_found for the ones nobody matches', async () => {
    const members = sb.sandbox.store.state.members;
    const admin = members[0];
    const withExternal = members.find((m) => m.externalId && m.status === 'active')!;
    const res = await sb.dbx.teamMembersGetInfoV2({
      members: [
        { '.tag': 'team_member_id', team_member_id: admin.teamMemberId },
        { '.tag': 'email', email: withExternal.email.toUpperCase() },
        { '.tag': 'external_id', external_id: withExternal.externalId! },
        { '.tag': 'team_member_id', team_member_id: 'dbmid:nobody' },
        { '.tag': 'email', email: 'ghost@example-sandbox.com' },
      ],
    });
    const items = res.result.members_info;
    expect(items).toHaveLength(5);
    expect(items[0]['.tag']).toBe('member_info');
    if (items[0]['.tag'] !== 'member_info') throw new Error('unreachable');
    expect(items[0].profile.team_member_id).toBe(admin.teamMemberId);
    expect(items[0].roles?.map((r) => r.name)).toEqual(['Team admin']);
    for (const item of items.slice(1, 3)) {
      if (item['.tag'] !== 'member_info') throw new Error(`expected member_info, got ${item['.tag']}`);
      expect(item.profile.email).toBe(withExternal.email);
      expect(item.roles).toEqual([]);
    }
    expect(items[3]).toEqual({ '.tag': 'id_not_found', id_not_found: 'dbmid:nobody' });
    expect(items[4]).toEqual({ '.tag': 'id_not_found', id_not_found: 'ghost@example-sandbox.com' });
  });

  it('still describes a removed member, with its recoverability', async () => {
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'active' && x.roleIds.length === 0)!;
    m.status = 'removed';
    m.removal = { on: sb.sandbox.store.clock.now(), isDisconnected: false, unrecoverable: false };
    const res = await sb.dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'team_member_id', team_member_id: m.teamMemberId }] });
    const item = res.result.members_info[0];
    if (item['.tag'] !== 'member_info') throw new Error(`expected member_info, got ${item['.tag']}`);
    expect(item.profile.status).toEqual({ '.tag': 'removed', is_recoverable: true, is_disconnected: false });
  });

  it('answers 400 for a malformed selector', async () => {
    const res = await rawCall(sb, 'team/members/get_info_v2', JSON.stringify({ members: [{ '.tag': 'email', email: 'not-an-email' }] }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/members/);
  });

  it('lists the available roles for a call without a body', async () => {
    const res = await sb.dbx.teamMembersGetAvailableTeamMemberRoles();
    const names = res.result.roles.map((r) => r.name);
    expect(names).toContain('Team admin');
    expect(names).toContain('User management admin');
    expect(res.result.roles.every((r) => r.role_id.startsWith('pid_dbtmr:'))).toBe(true);
    const withBody = await rawCall(sb, 'team/members/get_available_team_member_roles', JSON.stringify({ x: 1 }));
    expect(withBody.status).toBe(400);
  });
});
