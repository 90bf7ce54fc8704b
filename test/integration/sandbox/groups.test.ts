import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { team } from 'dropbox';
import { withSandbox, sdkError, rawCall } from '../../support/sandbox-client.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

async function listAllGroups(sb: Sb, limit: number): Promise<{ groups: team.GroupsListResult['groups']; pages: number }> {
  let res = await sb.dbx.teamGroupsList({ limit });
  const groups = [...res.result.groups];
  let pages = 1;
  while (res.result.has_more) {
    res = await sb.dbx.teamGroupsListContinue({ cursor: res.result.cursor });
    expect(res.result.groups.length).toBeLessThanOrEqual(limit);
    groups.push(...res.result.groups);
    pages++;
  }
  return { groups, pages };
}

function groupInfo(item: team.GroupsGetInfoItem): team.GroupFullInfo {
  if (item['.tag'] !== 'group_info') throw new Error(`expected group_info, got ${item['.tag']}`);
  return item;
}

describe('sandbox: groups list, get_info, create, update, delete through the real SDK', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 150, seed: 3, asyncJobDelayMs: 150 });
  });
  afterAll(() => sb.close());

  it('lists the seeded groups with summaries and a cursor', async () => {
    const res = await sb.dbx.teamGroupsList({});
    expect(res.result.has_more).toBe(false);
    expect(res.result.groups.length).toBe(sb.sandbox.store.state.groups.length);
    const eng = res.result.groups.find((g) => g.group_name === 'Engineering');
    expect(eng?.group_management_type['.tag']).toBe('company_managed');
    expect(eng?.group_id).toMatch(/^g:/);
    expect(eng?.member_count).toBeGreaterThan(0);
    expect(typeof res.result.cursor).toBe('string');
  });

  it('creates groups with spec defaults and pages through them, even across a deletion', async () => {
    const created: team.GroupFullInfo[] = [];
    for (let i = 0; i < 23; i++) created.push((await sb.dbx.teamGroupsCreate({ group_name: `Project ${i}` })).result);
    expect(created[0].member_count).toBe(0);
    expect(created[0].members).toEqual([]);
    expect(created[0].group_management_type['.tag']).toBe('company_managed');
    expect(Math.abs(created[0].created - Date.now())).toBeLessThan(60_000);
    expect(created[0].group_external_id).toBeUndefined();

    const total = sb.sandbox.store.state.groups.length;
    const { groups, pages } = await listAllGroups(sb, 7);
    expect(pages).toBe(Math.ceil(total / 7));
    expect(new Set(groups.map((g) => g.group_id)).size).toBe(total);

    // A group deleted between pages must not make paging skip or repeat another group.
    const first = await sb.dbx.teamGroupsList({ limit: 7 });
    const lastSeen = first.result.groups[6];
    await sb.dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: lastSeen.group_id });
    const rest: string[] = [];
    let res = await sb.dbx.teamGroupsListContinue({ cursor: first.result.cursor });
    rest.push(...res.result.groups.map((g) => g.group_id));
    while (res.result.has_more) {
      res = await sb.dbx.teamGroupsListContinue({ cursor: res.result.cursor });
      rest.push(...res.result.groups.map((g) => g.group_id));
    }
    const seen = [...first.result.groups.map((g) => g.group_id), ...rest];
    expect(new Set(seen).size).toBe(total);
    expect(rest).not.toContain(lastSeen.group_id);
  });

  it('answers invalid_cursor for forged cursors and those of another listing', async () => {
    const forged = await sdkError(sb.dbx.teamGroupsListContinue({ cursor: 'eyJvIjowfQ.forged' }));
    expect(forged.status).toBe(409);
    expect(forged.error.error['.tag']).toBe('invalid_cursor');
    const members = await sb.dbx.teamMembersListV2({ limit: 1 });
    const foreign = await sdkError(sb.dbx.teamGroupsListContinue({ cursor: members.result.cursor }));
    expect(foreign.error.error['.tag']).toBe('invalid_cursor');
  });

  it('answers 400 for limits outside 1..1000 and unknown fields', async () => {
    expect((await rawCall(sb, 'team/groups/list', JSON.stringify({ limit: 0 }))).status).toBe(400);
    expect((await rawCall(sb, 'team/groups/list', JSON.stringify({ limit: 1001 }))).status).toBe(400);
    expect((await rawCall(sb, 'team/groups/create', JSON.stringify({ group_name: 'x', colour: 'red' }))).status).toBe(400);
    expect((await rawCall(sb, 'team/groups/create', JSON.stringify({ group_name: 'x', group_management_type: 'bogus' }))).status).toBe(400);
  });

  it('gets info by group ids and external ids, with id_not_found per item', async () => {
    const made = await sb.dbx.teamGroupsCreate({
      group_name: 'Europe sales',
      group_external_id: 'sales-eu',
      group_management_type: { '.tag': 'user_managed' },
      add_creator_as_owner: true,
    });
    expect(made.result.group_external_id).toBe('sales-eu');
    expect(made.result.members).toHaveLength(1);
    expect(made.result.members?.[0].access_type['.tag']).toBe('owner');
    expect(made.result.members?.[0].profile.team_member_id).toBe(sb.sandbox.firstAdminId());
    expect(made.result.members?.[0].profile).not.toHaveProperty('groups');

    const byId = await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [made.result.group_id, 'g:nope'] });
    expect(byId.result).toHaveLength(2);
    expect(groupInfo(byId.result[0]).group_name).toBe('Europe sales');
    expect(groupInfo(byId.result[0]).members).toHaveLength(1);
    expect(byId.result[1]).toEqual({ '.tag': 'id_not_found', id_not_found: 'g:nope' });

    const byExt = await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_external_ids', group_external_ids: ['sales-eu', 'missing'] });
    expect(groupInfo(byExt.result[0]).group_id).toBe(made.result.group_id);
    expect(byExt.result[1]['.tag']).toBe('id_not_found');
  });

  it('adds the creator as a plain member of a company-managed group', async () => {
    const made = await sb.dbx.teamGroupsCreate({ group_name: 'Board', add_creator_as_owner: true });
    expect(made.result.members?.map((m) => m.access_type['.tag'])).toEqual(['member']);
  });

  it('refuses bad names, taken names and external ids, and system-managed groups on create', async () => {
    const cases: Array<[team.GroupCreateArg, string]> = [
      [{ group_name: '   ' }, 'group_name_invalid'],
      [{ group_name: 'tab\there' }, 'group_name_invalid'],
      [{ group_name: 'engineering' }, 'group_name_already_used'],
      [{ group_name: 'Fresh', group_external_id: 'sales-eu' }, 'external_id_already_in_use'],
      [{ group_name: 'Everyone', group_management_type: { '.tag': 'system_managed' } }, 'system_managed_group_disallowed'],
    ];
    for (const [arg, tag] of cases) {
      const e = await sdkError(sb.dbx.teamGroupsCreate(arg));
      expect(e.status, tag).toBe(409);
      expect(e.error.error['.tag']).toBe(tag);
    }
    const names = (await listAllGroups(sb, 1000)).groups.map((g) => g.group_name);
    expect(names).not.toContain('Fresh');
  });

  it('updates name, external id and management type, and applies the company-managed rules', async () => {
    const g = (
      await sb.dbx.teamGroupsCreate({ group_name: 'Crew', group_external_id: 'crew-1', group_management_type: { '.tag': 'user_managed' }, add_creator_as_owner: true })
    ).result;
    const sel = { '.tag': 'group_id', group_id: g.group_id } as const;

    const renamed = await sb.dbx.teamGroupsUpdate({ group: sel, new_group_name: 'Crew West', new_group_external_id: 'crew-2' });
    expect(renamed.result.group_name).toBe('Crew West');
    expect(renamed.result.group_external_id).toBe('crew-2');
    expect(renamed.result.members).toHaveLength(1);

    const quiet = await sb.dbx.teamGroupsUpdate({ group: { '.tag': 'group_external_id', group_external_id: 'crew-2' }, new_group_name: 'crew west', return_members: false });
    expect(quiet.result.group_name).toBe('crew west');
    expect(quiet.result.members).toBeUndefined();
    expect(quiet.result.member_count).toBe(1);

    const company = await sb.dbx.teamGroupsUpdate({ group: sel, new_group_management_type: { '.tag': 'company_managed' } });
    expect(company.result.group_management_type['.tag']).toBe('company_managed');
    expect(company.result.members?.[0].access_type['.tag']).toBe('member');

    const cleared = await sb.dbx.teamGroupsUpdate({ group: sel, new_group_external_id: '' });
    expect(cleared.result.group_external_id).toBeUndefined();

    const errors: Array<[team.GroupUpdateArgs, string]> = [
      [{ group: sel, new_group_name: 'Sales' }, 'group_name_already_used'],
      [{ group: sel, new_group_name: '' }, 'group_name_invalid'],
      [{ group: sel, new_group_external_id: 'sales-eu' }, 'external_id_already_in_use'],
      [{ group: sel, new_group_management_type: { '.tag': 'system_managed' } }, 'system_managed_group_disallowed'],
      [{ group: { '.tag': 'group_id', group_id: 'g:none' }, new_group_name: 'X' }, 'group_not_found'],
    ];
    for (const [arg, tag] of errors) {
      const e = await sdkError(sb.dbx.teamGroupsUpdate(arg));
      expect(e.error.error['.tag'], tag).toBe(tag);
    }
  });

  it('protects system-managed groups from update and delete but lets them be read', async () => {
    sb.sandbox.store.addGroup({ groupId: 'g:system-everyone', name: 'Everyone at Sandbox', managementType: 'system_managed', created: Date.now(), members: [] });
    const sel = { '.tag': 'group_id', group_id: 'g:system-everyone' } as const;
    expect((await sdkError(sb.dbx.teamGroupsUpdate({ group: sel, new_group_name: 'Renamed' }))).error.error['.tag']).toBe('system_managed_group_disallowed');
    expect((await sdkError(sb.dbx.teamGroupsDelete(sel))).error.error['.tag']).toBe('system_managed_group_disallowed');
    const info = await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: ['g:system-everyone'] });
    expect(groupInfo(info.result[0]).group_management_type['.tag']).toBe('system_managed');
    expect(groupInfo(info.result[0]).members).toBeUndefined();
    const list = await sb.dbx.teamGroupsMembersList({ group: sel });
    expect(list.result.members).toEqual([]);
  });

  it('deletes a small group synchronously and then answers group_already_deleted', async () => {
    const g = (await sb.dbx.teamGroupsCreate({ group_name: 'Short-lived', group_external_id: 'tmp-1' })).result;
    const res = await sb.dbx.teamGroupsDelete({ '.tag': 'group_external_id', group_external_id: 'tmp-1' });
    expect(res.result).toEqual({ '.tag': 'complete' });
    const again = await sdkError(sb.dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: g.group_id }));
    expect(again.error.error['.tag']).toBe('group_already_deleted');
    const unknown = await sdkError(sb.dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: 'g:never' }));
    expect(unknown.error.error['.tag']).toBe('group_not_found');
    const info = await sb.dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [g.group_id] });
    expect(info.result[0]['.tag']).toBe('id_not_found');
  });

  it('deletes a large group through an async job that groups/job_status/get reports', async () => {
    const g = (await sb.dbx.teamGroupsCreate({ group_name: 'All hands', group_management_type: { '.tag': 'user_managed' } })).result;
    const candidates = sb.sandbox.store.state.members.filter((m) => m.status !== 'removed').slice(0, 120);
    await sb.dbx.teamGroupsMembersAdd({
      group: { '.tag': 'group_id', group_id: g.group_id },
      members: candidates.map((m) => ({ user: { '.tag': 'team_member_id', team_member_id: m.teamMemberId }, access_type: { '.tag': 'member' } })),
      return_members: false,
    });
    const launched = await sb.dbx.teamGroupsDelete({ '.tag': 'group_id', group_id: g.group_id });
    if (launched.result['.tag'] !== 'async_job_id') throw new Error(`expected async_job_id, got ${launched.result['.tag']}`);
    const jobId = launched.result.async_job_id;
    // The group is gone at once; only the report waits.
    expect(sb.sandbox.store.group(g.group_id)).toBeUndefined();
    expect((await sb.dbx.teamGroupsJobStatusGet({ async_job_id: jobId })).result['.tag']).toBe('in_progress');
    await new Promise((r) => setTimeout(r, 200));
    expect((await sb.dbx.teamGroupsJobStatusGet({ async_job_id: jobId })).result['.tag']).toBe('complete');

    const bad = await sdkError(sb.dbx.teamGroupsJobStatusGet({ async_job_id: 'dbjid:nope' }));
    expect(bad.error.error['.tag']).toBe('invalid_async_job_id');
  });

  it('needs groups.write to change groups', async () => {
    const token = sb.sandbox.tokens.issueAccess(sb.sandbox.firstAdminId(), ['groups.read']);
    const res = await rawCall(sb, 'team/groups/create', JSON.stringify({ group_name: 'Nope' }), { Authorization: `Bearer ${token}` });
    expect(res.status).toBe(401);
    expect((await res.json()).error).toEqual({ '.tag': 'missing_scope', required_scope: 'groups.write' });
    const read = await rawCall(sb, 'team/groups/list', JSON.stringify({}), { Authorization: `Bearer ${token}` });
    expect(read.status).toBe(200);
  });
});
