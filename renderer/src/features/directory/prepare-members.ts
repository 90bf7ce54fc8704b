import type { DirectorySnapshot, MemberRow, NamedRef } from '../../../../preload/contract.js';
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
  readonly syncedAt: string;
  readonly includeRemoved: boolean;
  readonly members: readonly PreparedMember[];
  readonly byId: ReadonlyMap<string, PreparedMember>;
  readonly roles: readonly NamedRef[];
  readonly groups: readonly NamedRef[];
}

export const PLAIN_MEMBER_ROLE = 'Member';

export function prepareDirectory(snapshot: DirectorySnapshot): PreparedDirectory {
  const roleNames = new Map(snapshot.roles.map((r) => [r.id, r.name]));
  const groupNames = new Map(snapshot.groups.map((g) => [g.id, g.name]));
  const members: PreparedMember[] = new Array(snapshot.members.length);
  const byId = new Map<string, PreparedMember>();
  for (let i = 0; i < snapshot.members.length; i++) {
    const row = snapshot.members[i];
    const prepared: PreparedMember = {
      row,
      searchKey: foldText(`${row.name}\n${row.email}\n${row.externalId ?? ''}`),
      roleText: row.roleIds.length === 0 ? PLAIN_MEMBER_ROLE : namesOf(row.roleIds, roleNames),
      groupText: namesOf(row.groupIds, groupNames),
      since: row.joinedOn ?? row.invitedOn,
    };
    members[i] = prepared;
    byId.set(row.id, prepared);
  }
  return {
    connectionId: snapshot.connectionId,
    syncedAt: snapshot.syncedAt,
    includeRemoved: snapshot.includeRemoved,
    members,
    byId,
    roles: snapshot.roles,
    groups: [...snapshot.groups].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

function namesOf(ids: readonly string[], names: ReadonlyMap<string, string>): string {
  if (ids.length === 0) return '';
  if (ids.length === 1) return names.get(ids[0]) ?? ids[0];
  return ids.map((id) => names.get(id) ?? id).join(', ');
}
