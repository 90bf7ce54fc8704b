import type { team } from 'dropbox';

/**
 * Dropbox-defined roles. Role ids are the same across all teams; these are
 * the sandbox's stand-ins in the real `pid_dbtmr:` form.
 */
export const ROLES: readonly team.TeamMemberRole[] = [
  { role_id: 'pid_dbtmr:tk-team-admin', name: 'Team admin', description: 'User can do most user provisioning, de-provisioning and management.' },
  { role_id: 'pid_dbtmr:tk-user-mgmt-admin', name: 'User management admin', description: 'Add, remove, and manage member accounts.' },
  { role_id: 'pid_dbtmr:tk-support-admin', name: 'Support admin', description: 'Help members with limited tasks, including password reset.' },
  { role_id: 'pid_dbtmr:tk-billing-admin', name: 'Billing admin', description: 'Make payments and renew contracts.' },
  { role_id: 'pid_dbtmr:tk-content-admin', name: 'Content admin', description: 'Manage team folders and content.' },
];

export const TEAM_ADMIN_ROLE_ID = ROLES[0].role_id;

export function roleById(id: string): team.TeamMemberRole | undefined {
  return ROLES.find((r) => r.role_id === id);
}

/** Any role makes a member an admin of some kind. */
export function isAdminRoles(roleIds: readonly string[]): boolean {
  return roleIds.length > 0;
}
