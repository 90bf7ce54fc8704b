import { trackedCall } from '../jobs/tracked-call.js';
import { readAdminContext, type AdminContext } from './admin-context.js';
import { memberAction, reread } from './member-action.js';
import { byMemberId, roleIdsOf, statusOf } from './member-reads.js';
import { dropAdmin, notLastTeamAdmin, notYourself } from './rules.js';
import { changeRoleParams, type ChangeRoleParams } from '../../../preload/contract/member-actions.js';


function roleName(context: AdminContext, id: string | null): string {
  return id === null ? 'Member (no admin role)' : (context.roles.find((r) => r.role_id === id)?.name ?? id);
}

export const changeRole = memberAction<ChangeRoleParams, AdminContext>({
  kind: 'member.change-role',
  label: 'Change role',
  irreversible: false,
  confirmByEmail: false,
  params: changeRoleParams,
  prepare: readAdminContext,
  decide({ input, info, admin, context }) {
    const current = roleIdsOf(info);
    const want = input.roleId === null ? [] : [input.roleId];
    if (current.length === want.length && current.every((r, i) => r === want[i])) {
      return { skip: `Already ${roleName(context, input.roleId)}.`, problems: [], calls: [], consequences: [] };
    }
    const problems: string[] = [];
    if (context.teamAdminRoleId && !context.admins.has(admin.teamMemberId)) problems.push(`Only a Team admin can change roles, and ${admin.email} is not one.`);
    if (input.roleId !== null && !context.roles.some((r) => r.role_id === input.roleId)) problems.push(`There is no role ${input.roleId} on this team.`);
    const status = statusOf(info);
    if (status === 'removed') problems.push("A removed member's role cannot be changed.");
    if (status === 'suspended') problems.push("A suspended member's role cannot be changed; unsuspend them first.");
    const losesTeamAdmin = context.teamAdminRoleId !== undefined && current.includes(context.teamAdminRoleId) && !want.includes(context.teamAdminRoleId);
    if (losesTeamAdmin) {
      const p = notYourself(info, admin, 'take the Team admin role from') ?? notLastTeamAdmin(info, context.admins, context.teamAdminRoleId, 'take the Team admin role from');
      if (p) problems.push(p);
      else if (problems.length === 0) dropAdmin(context.admins, info);
    }
    return {
      problems,
      calls: [`team/members/set_admin_permissions_v2 (${roleName(context, input.roleId)})`],
      consequences: [`Role changes from ${roleName(context, current[0] ?? null)} to ${roleName(context, input.roleId)}.`, 'Reversible: change the role back at any time.'],
    };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(
      team.client,
      'team/members/set_admin_permissions_v2',
      'write',
      (dbx, o) => dbx.teamMembersSetAdminPermissionsV2({ user: byMemberId(item.member!.id), new_roles: item.input.roleId === null ? [] : [item.input.roleId] }, o),
      { signal, idempotent: true },
    );
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    const want = item.input.roleId === null ? [] : [item.input.roleId];
    const have = info ? roleIdsOf(info) : undefined;
    return have && have.length === want.length && have.every((r, i) => r === want[i]) ? 'applied' : 'not_applied';
  },
  auditOptions: ({ roleId }) => ({ roleId }),
});
