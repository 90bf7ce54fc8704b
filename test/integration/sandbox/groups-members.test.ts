import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { team } from 'dropbox';
import { byId, rawCall, sdkError, withSandbox } from '../../support/sandbox-client.js';
import type { Member } from '../../../main/sandbox/index.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

const asMember = (m: Member): team.MemberAccess => ({ user: byId(m), access_type: { '.tag': 'member' } });
const asOwner = (m: Member): team.MemberAccess => ({ user: byId(m), access_type: { '.tag': 'owner' } });

describe('sandbox: group memberships through the real SDK', () => {
  let sb: Sb;
  let active: Member[];
  let suspended: Member;
  let invited: Member;
  let removed: Member;
  let userManaged: team.GroupSelector;
  let companyManaged: team.GroupSelector;

  beforeAll(async () => {
    sb = await withSandbox({ members: 150, seed: 5 });
    const members = sb.sandbox.store.state.members;
    active = members.filter((m) => m.status === 'active');
    suspended = members.find((m) => m.status === 'suspended')!;
    invited = members.find((m) => m.status === 'invited')!;
    removed = members.find((m) => m.status === 'removed')!;
    expect(active.length).toBeGreaterThan(100);
    expect(suspended && invited && removed).toBeTruthy();
    const um = await sb.dbx.teamGroupsCreate({ group_name: 'Book club', group_management_type: { '.tag': 'user_managed' } });
    const cm = await sb.dbx.teamGroupsCreate({ group_name: 'Payroll', group_management_type: { '.tag': 'company_managed' } });
    userManaged = { '.tag': 'group_id', group_id: um.result.group_id };
    companyManaged = { '.tag': 'group_id', group_id: cm.result.group_id };
  });
  afterAll(() => sb.close());

  async function memberIds(group: team.GroupSelector): Promise<string[]> {
    const res = await sb.dbx.teamGroupsMembersList({ group });
    return res.result.members.map((m) => m.profile.team_member_id);
  }

  it('adds members by id, email and external id, with owners in a user-managed group', async () => {
    const withExternal = active.slice(2).find((m) => m.externalId)!;
    const res = await sb.dbx.teamGroupsMembersAdd({
      group: userManaged,
      members: [
        asOwner(active[0]),
        { user: { '.tag': 'email', email: active[1].email.toUpperCase() }, access_type: { '.tag': 'member' } },
        { user: { '.tag': 'external_id', external_id: withExternal.externalId! }, access_type: { '.tag': 'member' } },
        asMember(suspended),
        asMember(invited),
      ],
    });
    expect(res.result.async_job_id).toBe(' ');
    expect(res.result.group_info.member_count).toBe(5);
    const info = res.result.group_info.members!;
    expect(info.map((m) => m.profile.team_member_id)).toEqual([active[0].teamMemberId, active[1].teamMemberId, withExternal.teamMemberId, suspended.teamMemberId, invited.teamMemberId]);
    expect(info[0].access_type['.tag']).toBe('owner');
    expect(info[3].profile.status['.tag']).toBe('suspended');

    // The member's own profile now names the group.
    const profile = await sb.dbx.teamMembersGetInfoV2({ members: [byId(active[1])] });
    const item = profile.result.members_info[0];
    if (item['.tag'] !== 'member_info') throw new Error('expected member_info');
    expect(item.profile.groups).toContain((userManaged as team.GroupSelectorGroupId).group_id);

    // The legacy job id reports complete.
    expect((await sb.dbx.teamGroupsJobStatusGet({ async_job_id: ' ' })).result['.tag']).toBe('complete');
  });

  it('leaves members out of the answer when return_members is false', async () => {
    const res = await sb.dbx.teamGroupsMembersAdd({ group: companyManaged, members: [asMember(active[5])], return_members: false });
    expect(res.result.group_info.members).toBeUndefined();
    expect(res.result.group_info.member_count).toBe(1);
  });

  it('refuses the whole add with the spec error tags and changes nothing', async () => {
    const before = await memberIds(userManaged);
    const cases: Array<[team.GroupMembersAddArg, string, unknown?]> = [
      [{ group: { '.tag': 'group_id', group_id: 'g:missing' }, members: [asMember(active[10])] }, 'group_not_found'],
      [{ group: { '.tag': 'group_external_id', group_external_id: 'nope' }, members: [asMember(active[10])] }, 'group_not_found'],
      [
        { group: userManaged, members: [asMember(active[10]), { user: { '.tag': 'email', email: 'ghost@nowhere.example' }, access_type: { '.tag': 'member' } }] },
        'users_not_found',
        ['ghost@nowhere.example'],
      ],
      [{ group: userManaged, members: [asMember(active[10]), asMember(removed)] }, 'members_not_in_team', [removed.teamMemberId]],
      [{ group: userManaged, members: [asMember(active[10]), asMember(active[1])] }, 'duplicate_user'],
      [{ group: userManaged, members: [asMember(active[10]), asOwner(active[10])] }, 'duplicate_user'],
      [{ group: companyManaged, members: [asOwner(active[10])] }, 'user_cannot_be_manager_of_company_managed_group', [active[10].teamMemberId]],
    ];
    for (const [arg, tag, value] of cases) {
      const e = await sdkError(sb.dbx.teamGroupsMembersAdd(arg));
      expect(e.status, tag).toBe(409);
      expect(e.error.error['.tag'], tag).toBe(tag);
      if (value !== undefined) expect(e.error.error[tag]).toEqual(value);
    }
    expect(await memberIds(userManaged)).toEqual(before);
  });

  it('refuses a suspended or invited owner: user_must_be_active_to_be_owner', async () => {
    const susp = await sb.dbx.teamGroupsCreate({ group_name: 'Owners only', group_management_type: { '.tag': 'user_managed' } });
    const sel: team.GroupSelector = { '.tag': 'group_id', group_id: susp.result.group_id };
    for (const m of [suspended, invited]) {
      const e = await sdkError(sb.dbx.teamGroupsMembersAdd({ group: sel, members: [asOwner(m)] }));
      expect(e.error.error['.tag']).toBe('user_must_be_active_to_be_owner');
    }
    expect(await memberIds(sel)).toEqual([]);
  });

  it('refuses changes to a system-managed group', async () => {
    sb.sandbox.store.addGroup({ groupId: 'g:system-all', name: 'Everyone', managementType: 'system_managed', created: Date.now(), members: [] });
    const sel: team.GroupSelector = { '.tag': 'group_id', group_id: 'g:system-all' };
    expect((await sdkError(sb.dbx.teamGroupsMembersAdd({ group: sel, members: [asMember(active[20])] }))).error.error['.tag']).toBe('system_managed_group_disallowed');
    expect((await sdkError(sb.dbx.teamGroupsMembersRemove({ group: sel, users: [byId(active[20])] }))).error.error['.tag']).toBe('system_managed_group_disallowed');
    expect(
      (await sdkError(sb.dbx.teamGroupsMembersSetAccessType({ group: sel, user: byId(active[20]), access_type: { '.tag': 'member' } }))).error.error['.tag'],
    ).toBe('system_managed_group_disallowed');
  });

  it('removes members, even the only owner, and reports the remove errors', async () => {
    const res = await sb.dbx.teamGroupsMembersRemove({ group: userManaged, users: [byId(active[0]), { '.tag': 'email', email: invited.email }] });
    expect(res.result.async_job_id).toBe(' ');
    expect(res.result.group_info.member_count).toBe(3);
    expect(res.result.group_info.members?.some((m) => m.access_type['.tag'] === 'owner')).toBe(false);
    expect(await memberIds(userManaged)).not.toContain(active[0].teamMemberId);

    const cases: Array<[team.GroupMembersRemoveArg, string]> = [
      [{ group: userManaged, users: [byId(active[1]), byId(active[30])] }, 'member_not_in_group'],
      [{ group: userManaged, users: [{ '.tag': 'team_member_id', team_member_id: 'dbmid:ghost' }] }, 'users_not_found'],
      [{ group: userManaged, users: [byId(removed)] }, 'members_not_in_team'],
      [{ group: { '.tag': 'group_id', group_id: 'g:missing' }, users: [byId(active[1])] }, 'group_not_found'],
    ];
    for (const [arg, tag] of cases) {
      const e = await sdkError(sb.dbx.teamGroupsMembersRemove(arg));
      expect(e.error.error['.tag'], tag).toBe(tag);
    }
    expect(await memberIds(userManaged)).toContain(active[1].teamMemberId);
  });

  it('sets access types under the management-type rules', async () => {
    const res = await sb.dbx.teamGroupsMembersSetAccessType({ group: userManaged, user: byId(active[1]), access_type: { '.tag': 'owner' }, return_members: true });
    expect(res.result).toHaveLength(1);
    const item = res.result[0];
    if (item['.tag'] !== 'group_info') throw new Error('expected group_info');
    expect(item.members?.find((m) => m.profile.team_member_id === active[1].teamMemberId)?.access_type['.tag']).toBe('owner');

    const company = await sdkError(sb.dbx.teamGroupsMembersSetAccessType({ group: companyManaged, user: byId(active[5]), access_type: { '.tag': 'owner' } }));
    expect(company.error.error['.tag']).toBe('user_cannot_be_manager_of_company_managed_group');
    const outsider = await sdkError(sb.dbx.teamGroupsMembersSetAccessType({ group: userManaged, user: byId(active[40]), access_type: { '.tag': 'member' } }));
    expect(outsider.error.error['.tag']).toBe('member_not_in_group');
  });

  it('pages through a large group and invalidates the cursor when the group is deleted', async () => {
    const big = await sb.dbx.teamGroupsCreate({ group_name: 'Everyone else', group_management_type: { '.tag': 'user_managed' } });
    const sel: team.GroupSelector = { '.tag': 'group_id', group_id: big.result.group_id };
    const joiners = active.slice(0, 110);
    await sb.dbx.teamGroupsMembersAdd({ group: sel, members: joiners.map(asMember), return_members: false });

    let res = await sb.dbx.teamGroupsMembersList({ group: sel, limit: 50 });
    const seen = [...res.result.members];
    let pages = 1;
    while (res.result.has_more) {
      res = await sb.dbx.teamGroupsMembersListContinue({ cursor: res.result.cursor });
      seen.push(...res.result.members);
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen.map((m) => m.profile.team_member_id)).toEqual(joiners.map((m) => m.teamMemberId).sort());
    expect(seen[0].profile).not.toHaveProperty('groups');

    // Someone on the first page leaves between pages: nobody still in the group is skipped.
    const firstPage = await sb.dbx.teamGroupsMembersList({ group: sel, limit: 50 });
    const leaver = firstPage.result.members[10].profile.team_member_id;
    await sb.dbx.teamGroupsMembersRemove({ group: sel, users: [{ '.tag': 'team_member_id', team_member_id: leaver }], return_members: false });
    const rest = await sb.dbx.teamGroupsMembersListContinue({ cursor: firstPage.result.cursor });
    const listed = new Set([...firstPage.result.members, ...rest.result.members].map((m) => m.profile.team_member_id));
    let more = rest.result;
    while (more.has_more) {
      more = (await sb.dbx.teamGroupsMembersListContinue({ cursor: more.cursor })).result;
      for (const m of more.members) listed.add(m.profile.team_member_id);
    }
    for (const j of joiners) if (j.teamMemberId !== leaver) expect(listed.has(j.teamMemberId)).toBe(true);

    const first = await sb.dbx.teamGroupsMembersList({ group: sel, limit: 10 });
    const groupsCursor = (await sb.dbx.teamGroupsList({ limit: 1 })).result.cursor;
    expect((await sdkError(sb.dbx.teamGroupsMembersListContinue({ cursor: groupsCursor }))).error.error['.tag']).toBe('invalid_cursor');
    await sb.dbx.teamGroupsDelete(sel);
    expect((await sdkError(sb.dbx.teamGroupsMembersListContinue({ cursor: first.result.cursor }))).error.error['.tag']).toBe('invalid_cursor');
    expect((await sdkError(sb.dbx.teamGroupsMembersList({ group: sel }))).error.error['.tag']).toBe('group_not_found');
    expect((await rawCall(sb, 'team/groups/members/list', JSON.stringify({ group: sel, limit: 1001 }))).status).toBe(400);
  });

  it('stops showing a member in groups once they leave the team', async () => {
    const leaver = active[60];
    await sb.dbx.teamGroupsMembersAdd({ group: companyManaged, members: [asMember(leaver)] });
    const before = (await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [(companyManaged as team.GroupSelectorGroupId).group_id] })).result[0];
    await sb.dbx.teamMembersRemove({ user: byId(leaver), wipe_data: false });
    const after = (await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [(companyManaged as team.GroupSelectorGroupId).group_id] })).result[0];
    if (before['.tag'] !== 'group_info' || after['.tag'] !== 'group_info') throw new Error('expected group_info');
    expect(after.member_count).toBe(before.member_count! - 1);
    expect(await memberIds(companyManaged)).not.toContain(leaver.teamMemberId);
  });
});
