import type { async, team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { pollArg } from './schemas.js';
import { launchEmptyJob, pollEmptyJob } from './empty-jobs.js';
import { RouteError } from '../http/errors.js';
import { groupManagementType, groupSelector, returnMembers } from './groups-schemas.js';
import { checkExternalId, checkGroupName, groupFullInfo, lookupGroup, resolveGroup } from './groups-model.js';
import type { Group } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/**
 * Groups with more members than this answer groups/delete with an async job:
 * revoking their group-owned resources "takes additional time" (team.stone).
 */
export const ASYNC_DELETE_MEMBERS = 100;

/**
 * The async_job_id groups/members/add and /remove always return "for legacy
 * purposes"; polling it reports complete, since that work is synchronous now.
 */
export const LEGACY_GROUP_JOB_ID = ' ';

/**
 * Groups deleted in this store's lifetime, so deleting one again answers
 * group_already_deleted rather than group_not_found. Keyed by the store so
 * a sandbox reset starts with a clean slate.
 */
const deletedGroups = new WeakMap<TeamStore, Set<string>>();

function deletedKeys(store: TeamStore): Set<string> {
  let set = deletedGroups.get(store);
  if (!set) {
    set = new Set();
    deletedGroups.set(store, set);
  }
  return set;
}

function selectorKey(sel: team.GroupSelector): string {
  return sel['.tag'] === 'group_id' ? `id:${sel.group_id}` : `ext:${sel.group_external_id}`;
}

type CreateArg = team.GroupCreateArg & { add_creator_as_owner: boolean };
type UpdateArg = team.GroupUpdateArgs & { return_members: boolean };

const createArg = z.strictObject({
  group_name: z.string(),
  add_creator_as_owner: z.boolean().default(false),
  group_external_id: z.string().optional(),
  group_management_type: groupManagementType.optional(),
}) satisfies z.ZodType<CreateArg>;

const updateArg = z.strictObject({
  group: groupSelector,
  return_members: returnMembers,
  new_group_name: z.string().optional(),
  new_group_external_id: z.string().optional(),
  new_group_management_type: groupManagementType.optional(),
}) satisfies z.ZodType<UpdateArg>;

/** Company-managed groups are managed by admins only: nobody keeps the owner role. */
function demoteOwners(store: TeamStore, g: Group): void {
  for (const m of g.members) if (m.accessType === 'owner') store.setGroupAccess(g, m.teamMemberId, 'member');
}

export const groupsManageRoutes = [
  route<z.output<typeof createArg>, team.GroupFullInfo>({
    path: 'team/groups/create',
    scope: 'groups.write',
    write: true,
    schema: createArg,
    handle({ store, adminId }, arg) {
      const type = arg.group_management_type?.['.tag'] ?? 'company_managed';
      if (type === 'system_managed') throw new RouteError('system_managed_group_disallowed');
      const name = checkGroupName(store, arg.group_name);
      const externalId = arg.group_external_id || undefined;
      if (externalId !== undefined) checkExternalId(store, externalId);
      const g: Group = {
        groupId: store.mintId('g:'),
        name,
        managementType: type,
        created: store.clock.now(),
        // The creator joins as a plain member of a company-managed group, which has no user owners.
        members: arg.add_creator_as_owner ? [{ teamMemberId: adminId, accessType: type === 'user_managed' ? 'owner' : 'member' }] : [],
      };
      if (externalId !== undefined) g.externalId = externalId;
      store.addGroup(g);
      return groupFullInfo(store, g, true);
    },
  }),
  route<z.output<typeof updateArg>, team.GroupFullInfo>({
    path: 'team/groups/update',
    scope: 'groups.write',
    write: true,
    schema: updateArg,
    handle({ store }, arg) {
      const g = resolveGroup(store, arg.group);
      const type = arg.new_group_management_type?.['.tag'];
      if (type === 'system_managed') throw new RouteError('system_managed_group_disallowed');
      const name = arg.new_group_name === undefined ? undefined : checkGroupName(store, arg.new_group_name, g);
      const externalId = arg.new_group_external_id;
      if (externalId) checkExternalId(store, externalId, g);

      if (name !== undefined) g.name = name;
      // An empty string clears the external id; absent leaves it alone.
      if (externalId === '') delete g.externalId;
      else if (externalId !== undefined) g.externalId = externalId;
      if (type !== undefined) {
        g.managementType = type;
        if (type === 'company_managed') demoteOwners(store, g);
      }
      return groupFullInfo(store, g, arg.return_members);
    },
  }),
  route<team.GroupSelector, async.LaunchEmptyResult>({
    path: 'team/groups/delete',
    scope: 'groups.write',
    write: true,
    schema: groupSelector satisfies z.ZodType<team.GroupSelector>,
    handle({ store, config }, arg) {
      if (!lookupGroup(store, arg) && deletedKeys(store).has(selectorKey(arg))) throw new RouteError('group_already_deleted');
      const g = resolveGroup(store, arg);
      const memberCount = g.members.length;
      store.deleteGroup(g.groupId);
      deletedKeys(store).add(`id:${g.groupId}`);
      if (g.externalId !== undefined) deletedKeys(store).add(`ext:${g.externalId}`);
      if (memberCount <= ASYNC_DELETE_MEMBERS) return { '.tag': 'complete' };
      return { '.tag': 'async_job_id', async_job_id: launchEmptyJob(store, config, 'groups').id };
    },
  }),
  route<async.PollArg, async.PollEmptyResult>({
    path: 'team/groups/job_status/get',
    scope: 'groups.write',
    write: false,
    schema: pollArg,
    handle({ store }, arg) {
      if (arg.async_job_id === LEGACY_GROUP_JOB_ID) return { '.tag': 'complete' };
      return pollEmptyJob(store, arg.async_job_id, 'groups');
    },
  }),
];
