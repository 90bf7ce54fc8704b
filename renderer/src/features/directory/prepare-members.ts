import { MEMBER_ROLE_LABEL, type DirectorySnapshot, type MemberRow, type NamedRef } from '../../../../preload/contract.js';
import { foldText } from './fold-text.js';

/** A row plus everything derived from it once per snapshot, never per keystroke. */
export interface PreparedMember {
  readonly row: MemberRow;
  /** Folded name, email and external id, for search as you type. */
  readonly searchKey: string;
  /** Role names, or "Member" for someone without an admin role. */
  readonly roleText: string;
  readonly groupText: string;
  /** When they joined, or for an invite when they were invited (ISO). */
  readonly since?: string;
}

export interface PreparedDirectory {
  readonly connectionId: string;
  /** The snapshot version this copy matches: deltas apply only to it. */
  readonly version: string;
  readonly syncedAt: string;
  readonly includeRemoved: boolean;
  readonly members: readonly PreparedMember[];
  readonly byId: ReadonlyMap<string, PreparedMember>;
  readonly roles: readonly NamedRef[];
  readonly groups: readonly NamedRef[];
}

/** Role and group ids to the names a row shows. */
export interface NameMaps {
  roles: ReadonlyMap<string, string>;
  groups: ReadonlyMap<string, string>;
}

export function nameMaps(roles: readonly NamedRef[], groups: readonly NamedRef[]): NameMaps {
  return { roles: new Map(roles.map((r) => [r.id, r.name])), groups: new Map(groups.map((g) => [g.id, g.name])) };
}

export function prepareMember(row: MemberRow, names: NameMaps): PreparedMember {
  return {
    row,
    searchKey: foldText(`${row.name}\n${row.email}\n${row.externalId ?? ''}`),
    roleText: row.roleIds.length === 0 ? MEMBER_ROLE_LABEL : namesOf(row.roleIds, names.roles),
    groupText: namesOf(row.groupIds, names.groups),
    since: row.joinedOn ?? row.invitedOn,
  };
}

export function sortedGroups(groups: readonly NamedRef[]): NamedRef[] {
  return [...groups].sort((a, b) => a.name.localeCompare(b.name));
}

export function prepareDirectory(snapshot: DirectorySnapshot): PreparedDirectory {
  const names = nameMaps(snapshot.roles, snapshot.groups);
  const members: PreparedMember[] = new Array(snapshot.members.length);
  const byId = new Map<string, PreparedMember>();
  for (let i = 0; i < snapshot.members.length; i++) {
    const prepared = prepareMember(snapshot.members[i], names);
    members[i] = prepared;
    byId.set(prepared.row.id, prepared);
  }
  return {
    connectionId: snapshot.connectionId,
    version: snapshot.version,
    syncedAt: snapshot.syncedAt,
    includeRemoved: snapshot.includeRemoved,
    members,
    byId,
    roles: snapshot.roles,
    groups: sortedGroups(snapshot.groups),
  };
}

function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  if (ids.length === 0) return '';
  if (ids.length === 1) return names.get(ids[0]) ?? ids[0];
  return ids.map((id) => names.get(id) ?? id).join(', ');
}
