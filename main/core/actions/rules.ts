import type { AdminIdentity } from '../jobs/job-kind.js';
import type { MemberInfo } from './member-reads.js';
import { roleIdsOf, statusOf } from './member-reads.js';

/**
 * Preflight rules shared by the actions. Each returns the sentence that
 * blocks the item, or undefined when the rule is satisfied.
 */

/** Nobody suspends, removes or demotes the admin Teamkeeper is signed in as. */
export function notYourself(info: MemberInfo, admin: AdminIdentity, doing: string): string | undefined {
  return info.profile.team_member_id === admin.teamMemberId ? `You cannot ${doing} yourself: Teamkeeper is signed in as ${admin.email}.` : undefined;
}

/**
 * The team always keeps one active Team admin. `admins` is updated by the
 * caller as items of one job take the role away, so two items cannot each
 * remove "the other" last admin.
 */
export function notLastTeamAdmin(info: MemberInfo, admins: Set<string>, teamAdminRoleId: string | undefined, doing: string): string | undefined {
  const id = info.profile.team_member_id;
  if (!teamAdminRoleId || statusOf(info) !== 'active' || !roleIdsOf(info).includes(teamAdminRoleId)) return undefined;
  const others = [...admins].filter((a) => a !== id).length;
  return others === 0 ? `${info.profile.email} is the last Team admin: you cannot ${doing} them. Make someone else a Team admin first.` : undefined;
}

/** Once an item is planned to take the Team admin role away, later items see one admin fewer. */
export function dropAdmin(admins: Set<string>, info: MemberInfo): void {
  admins.delete(info.profile.team_member_id);
}

export function mustBeStatus(info: MemberInfo, allowed: ReadonlyArray<ReturnType<typeof statusOf>>, sentence: string): string | undefined {
  return allowed.includes(statusOf(info)) ? undefined : sentence;
}
