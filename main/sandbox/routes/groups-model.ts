import type { team, team_common } from 'dropbox';
import { RouteError } from '../http/errors.js';
import type { Group, GroupMembership, Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/**
 * Lookups, rules and wire shapes shared by the groups/* routes.
 */

/** A group membership whose member is still on the team. */
export interface LiveMembership {
  membership: GroupMembership;
  member: Member;
}

export function groupByExternalId(store: TeamStore, externalId: string): Group | undefined {
  // A scan over groups (a team has few): the store tracks what a write resolves, so touch it.
  const g = store.state.groups.find((g) => g.externalId === externalId);
  if (g) store.touchGroup(g);
  return g;
}

export function lookupGroup(store: TeamStore, sel: team.GroupSelector): Group | undefined {
  return sel['.tag'] === 'group_id' ? store.group(sel.group_id) : groupByExternalId(store, sel.group_external_id);
}

/**
 * The group a route acts on: group_not_found when nothing matches;
 * system_managed_group_disallowed for routes that change groups, because
 * Dropbox alone manages those.
 */
export function resolveGroup(store: TeamStore, sel: team.GroupSelector, opts: { allowSystemManaged?: boolean } = {}): Group {
  const g = lookupGroup(store, sel);
  if (!g) throw new RouteError('group_not_found');
  if (g.managementType === 'system_managed' && !opts.allowSystemManaged) throw new RouteError('system_managed_group_disallowed');
  return g;
}

/**
 * Memberships of members still on the team, in group order. A removed
 * member is no longer a member of any group as far as the API shows.
 */
export function liveMemberships(store: TeamStore, g: Group): LiveMembership[] {
  const out: LiveMembership[] = [];
  for (const membership of g.members) {
    const member = store.memberById(membership.teamMemberId);
    if (member && member.status !== 'removed') out.push({ membership, member });
  }
  return out;
}

/** team.MemberProfile: the team profile without its group list and folder ids (TeamMemberProfile adds those). */
export function memberProfile(store: TeamStore, m: Member): team.MemberProfile {
  const p: team.MemberProfile & Partial<Pick<team.TeamMemberProfile, 'groups' | 'member_folder_id' | 'root_folder_id'>> = store.profile(m);
  delete p.groups;
  delete p.member_folder_id;
  delete p.root_folder_id;
  return p;
}

export function groupMemberInfo(store: TeamStore, live: LiveMembership): team.GroupMemberInfo {
  return { profile: memberProfile(store, live.member), access_type: { '.tag': live.membership.accessType } };
}

export function groupSummary(store: TeamStore, g: Group): team_common.GroupSummary {
  const s: team_common.GroupSummary = {
    group_name: g.name,
    group_id: g.groupId,
    member_count: store.liveMemberCount(g),
    group_management_type: { '.tag': g.managementType },
  };
  if (g.externalId !== undefined) s.group_external_id = g.externalId;
  return s;
}

/** GroupFullInfo; members are never listed for system-managed groups (groups/get_info). */
export function groupFullInfo(store: TeamStore, g: Group, withMembers: boolean): team.GroupFullInfo {
  const info: team.GroupFullInfo = { ...groupSummary(store, g), created: g.created };
  if (withMembers && g.managementType !== 'system_managed') {
    info.members = liveMemberships(store, g).map((live) => groupMemberInfo(store, live));
  }
  return info;
}

/** Dropbox refuses empty names and names with control characters. */
export function checkGroupName(store: TeamStore, name: string, self?: Group): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 255 || hasControlChar(trimmed)) throw new RouteError('group_name_invalid');
  const folded = trimmed.toLowerCase();
  if (store.state.groups.some((g) => g !== self && g.name.toLowerCase() === folded)) throw new RouteError('group_name_already_used');
  return trimmed;
}

function hasControlChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

export function checkExternalId(store: TeamStore, externalId: string, self?: Group): void {
  const holder = groupByExternalId(store, externalId);
  if (holder && holder !== self) throw new RouteError('external_id_already_in_use');
}
