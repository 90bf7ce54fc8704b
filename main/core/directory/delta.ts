import type { DirectoryDelta, DirectorySnapshot, MemberRow, NamedRef } from '../../../preload/contract.js';

/** Field by field: a row is a flat record whose only non-scalar fields are arrays of ids. */
export function sameRow(a: MemberRow, b: MemberRow): boolean {
  const keys = Object.keys(a) as (keyof MemberRow)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    return false;
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
