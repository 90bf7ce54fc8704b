import type { DirectoryDelta, DirectorySnapshot, MemberRow, NamedRef } from '../../../preload/contract.js';

/** Every field of a row; the check below fails to compile when MemberRow gains one this list lacks. */
const ROW_FIELDS = [
  'id',
  'email',
  'name',
  'givenName',
  'surname',
  'status',
  'recoverable',
  'roleIds',
  'groupIds',
  'joinedOn',
  'invitedOn',
  'suspendedOn',
  'externalId',
  'membershipType',
  'emailVerified',
] as const satisfies readonly (keyof MemberRow)[];
const everyField: Exclude<keyof MemberRow, (typeof ROW_FIELDS)[number]> extends never ? true : never = true;
void everyField;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Field by field, without allocating: a refresh compares every member of the team. */
export function sameRow(a: MemberRow, b: MemberRow): boolean {
  for (const k of ROW_FIELDS) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || !sameIds(x, y)) return false;
  }
  return true;
}

function sameRefs(a: readonly NamedRef[], b: readonly NamedRef[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i].id && r.name === b[i].name);
}

/**
 * What turns `before` into `after`: the members added or changed, the ids no
 * longer there, and the groups and roles only when they changed. An unchanged
 * team of 50,000 members gives a delta of a few hundred bytes.
 */
export function directoryDelta(before: DirectorySnapshot, after: DirectorySnapshot): DirectoryDelta {
  const old = new Map(before.members.map((m) => [m.id, m]));
  const upserted: MemberRow[] = [];
  for (const m of after.members) {
    const was = old.get(m.id);
    old.delete(m.id);
    if (!was || !sameRow(was, m)) upserted.push(m);
  }
  const delta: DirectoryDelta = {
    connectionId: after.connectionId,
    from: before.version,
    to: after.version,
    syncedAt: after.syncedAt,
    includeRemoved: after.includeRemoved,
    upserted,
    removed: [...old.keys()],
  };
  if (!sameRefs(before.groups, after.groups)) delta.groups = after.groups;
  if (!sameRefs(before.roles, after.roles)) delta.roles = after.roles;
  return delta;
}
