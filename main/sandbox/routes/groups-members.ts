import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { RouteError } from '../http/errors.js';
import { readCursor, signCursor } from './cursor.js';
import { selectorKey, userSelector } from './schemas.js';
import { groupAccessType, groupSelector, pageLimit, returnMembers } from './groups-schemas.js';
import { groupFullInfo, groupMemberInfo, liveMemberships, resolveGroup } from './groups-model.js';
import { LEGACY_GROUP_JOB_ID } from './groups-manage.js';
import type { Group, Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

const CURSOR_KIND = 'groups/members/list';

interface CursorState {
  g: string;
  /**
   * The last team_member_id returned. Pages run in team_member_id order and
   * resume after this key, so a member leaving the group between pages never
   * makes the listing skip someone (a position would shift).
   */
  a: string;
  l: number;
}

type AddArg = team.GroupMembersAddArg & { return_members: boolean };
type RemoveArg = team.GroupMembersRemoveArg & { return_members: boolean };
type SetAccessArg = team.GroupMembersSetAccessTypeArg & { return_members: boolean };
type ListArg = Required<team.GroupsMembersListArg>;

const addArg = z.strictObject({
  group: groupSelector,
  members: z.array(z.strictObject({ user: userSelector, access_type: groupAccessType })),
  return_members: returnMembers,
}) satisfies z.ZodType<AddArg>;

const removeArg = z.strictObject({
  group: groupSelector,
  users: z.array(userSelector),
  return_members: returnMembers,
}) satisfies z.ZodType<RemoveArg>;

const setAccessArg = z.strictObject({
  group: groupSelector,
  user: userSelector,
  access_type: groupAccessType,
  return_members: returnMembers,
}) satisfies z.ZodType<SetAccessArg>;

const listArg = z.strictObject({ group: groupSelector, limit: pageLimit }) satisfies z.ZodType<ListArg>;
const continueArg = z.strictObject({ cursor: z.string() }) satisfies z.ZodType<team.GroupsMembersListContinueArg>;

/**
 * Resolves every selector or fails the whole call: unknown users are
 * users_not_found, removed members members_not_in_team (both list the
 * identifiers the caller sent).
 */
function resolveUsers(store: TeamStore, users: team.UserSelectorArg[]): Member[] {
  const notFound: string[] = [];
  const notInTeam: string[] = [];
  const out: Member[] = [];
  for (const sel of users) {
    const m = store.findMember(sel);
    if (!m) notFound.push(selectorKey(sel));
    else if (m.status === 'removed') notInTeam.push(selectorKey(sel));
    else out.push(m);
  }
  if (notFound.length > 0) throw new RouteError('users_not_found', { users_not_found: notFound });
  if (notInTeam.length > 0) throw new RouteError('members_not_in_team', { members_not_in_team: notInTeam });
  return out;
}

function changeResult(store: TeamStore, g: Group, returnMembers: boolean): team.GroupMembersChangeResult {
  return { group_info: groupFullInfo(store, g, returnMembers), async_job_id: LEGACY_GROUP_JOB_ID };
}

function page(store: TeamStore, g: Group, after: string | undefined, limit: number): team.GroupsMembersListResult {
  const live = liveMemberships(store, g).sort((x, y) => compareIds(x.member.teamMemberId, y.member.teamMemberId));
  const from = after === undefined ? 0 : countUpTo(live, after);
  const slice = live.slice(from, from + limit);
  const next = from + slice.length;
  const last = slice.length > 0 ? slice[slice.length - 1].member.teamMemberId : (after ?? '');
  return {
    members: slice.map((l) => groupMemberInfo(store, l)),
    cursor: signCursor(CURSOR_KIND, { g: g.groupId, a: last, l: limit } satisfies CursorState),
    has_more: next < live.length,
  };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How many of the sorted memberships have ids up to and including `id` (binary search). */
function countUpTo(sorted: ReturnType<typeof liveMemberships>, id: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareIds(sorted[mid].member.teamMemberId, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const groupsMembersRoutes = [
  route<AddArg, team.GroupMembersChangeResult>({
    path: 'team/groups/members/add',
    scope: 'groups.write',
    write: true,
    schema: addArg,
    handle({ store }, arg) {
      const g = resolveGroup(store, arg.group);
      const members = resolveUsers(store, arg.members.map((a) => a.user));
      const seen = new Set<string>();
      for (const m of members) {
        if (store.membership(g, m.teamMemberId) || seen.has(m.teamMemberId)) throw new RouteError('duplicate_user');
        seen.add(m.teamMemberId);
      }
      const owners = arg.members.map((a, i) => ({ a, m: members[i] })).filter(({ a }) => a.access_type['.tag'] === 'owner');
      if (g.managementType === 'company_managed' && owners.length > 0) {
        throw new RouteError('user_cannot_be_manager_of_company_managed_group', {
          user_cannot_be_manager_of_company_managed_group: owners.map(({ a }) => selectorKey(a.user)),
        });
      }
      if (owners.some(({ m }) => m.status !== 'active')) throw new RouteError('user_must_be_active_to_be_owner');
      arg.members.forEach((a, i) => store.addGroupMember(g, { teamMemberId: members[i].teamMemberId, accessType: a.access_type['.tag'] }));
      return changeResult(store, g, arg.return_members);
    },
  }),
  route<RemoveArg, team.GroupMembersChangeResult>({
    path: 'team/groups/members/remove',
    scope: 'groups.write',
    write: true,
    schema: removeArg,
    handle({ store }, arg) {
      const g = resolveGroup(store, arg.group);
      const gone = new Set(resolveUsers(store, arg.users).map((m) => m.teamMemberId));
      for (const id of gone) if (!store.membership(g, id)) throw new RouteError('member_not_in_group');
      store.removeGroupMembers(g, gone);
      return changeResult(store, g, arg.return_members);
    },
  }),
  route<SetAccessArg, team.GroupsGetInfoResult>({
    path: 'team/groups/members/set_access_type',
    scope: 'groups.write',
    write: true,
    schema: setAccessArg,
    handle({ store }, arg) {
      const g = resolveGroup(store, arg.group);
      const m = store.findMember(arg.user);
      const membership = m && m.status !== 'removed' ? store.membership(g, m.teamMemberId) : undefined;
      if (!membership) throw new RouteError('member_not_in_group');
      const access = arg.access_type['.tag'];
      if (access === 'owner' && g.managementType === 'company_managed') throw new RouteError('user_cannot_be_manager_of_company_managed_group');
      store.setGroupAccess(g, membership.teamMemberId, access);
      return [{ '.tag': 'group_info', ...groupFullInfo(store, g, arg.return_members) }];
    },
  }),
  route<ListArg, team.GroupsMembersListResult>({
    path: 'team/groups/members/list',
    scope: 'groups.read',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      // GroupSelectorError: reading a system-managed group is allowed.
      const g = resolveGroup(store, arg.group, { allowSystemManaged: true });
      return page(store, g, undefined, arg.limit);
    },
  }),
  route<team.GroupsMembersListContinueArg, team.GroupsMembersListResult>({
    path: 'team/groups/members/list/continue',
    scope: 'groups.read',
    write: false,
    schema: continueArg,
    handle({ store }, arg) {
      const c = readCursor<CursorState>(CURSOR_KIND, arg.cursor);
      const g = store.group(c.g);
      // The group was deleted since the first page.
      if (!g) throw new RouteError('invalid_cursor');
      return page(store, g, c.a, c.l);
    },
  }),
];
