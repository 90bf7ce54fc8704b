import type { JobTeam } from '../jobs/job-kind.js';
import { activeTeamAdmins, teamAdminRoleIdOf, teamRoles } from './member-reads.js';
import type { team } from 'dropbox';

/** What the last-admin rule needs, read once per plan. */
export interface AdminContext {
  roles: team.TeamMemberRole[];
  teamAdminRoleId: string | undefined;
  /** Active Team admins; items planned to take the role away are taken out as the plan goes. */
  admins: Set<string>;
}

export async function readAdminContext(t: JobTeam): Promise<AdminContext> {
  const roles = await teamRoles(t.client);
  const teamAdminRoleId = teamAdminRoleIdOf(roles);
  return { roles, teamAdminRoleId, admins: await activeTeamAdmins(t, teamAdminRoleId) };
}
