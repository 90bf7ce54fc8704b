import { withoutRemovedVersion, type DirectoryDelta } from '../../../../preload/contract.js';
import { nameMaps, prepareMember, sortedGroups, type PreparedDirectory, type PreparedMember } from './prepare-members.js';

/**
 * The directory after `delta`, which must start from this copy's version.
 * Members the delta does not name are kept as they are (the same objects), and
 * when nothing changed the member list itself is kept: sorted and filtered
 * views of it stay valid, and the renderer never holds a second copy.
 */
export function applyDelta(directory: PreparedDirectory, delta: DirectoryDelta): PreparedDirectory {
  const names = delta.groups || delta.roles ? nameMaps(delta.roles ?? directory.roles, delta.groups ?? directory.groups) : null;
  const stamp = { version: delta.to, syncedAt: delta.syncedAt, includeRemoved: delta.includeRemoved };
  if (!names && delta.upserted.length === 0 && delta.removed.length === 0) return { ...directory, ...stamp };

  const current = names ?? nameMaps(directory.roles, directory.groups);
  const removed = new Set(delta.removed);
  const upserted = new Map(delta.upserted.map((row) => [row.id, row]));
  const members: PreparedMember[] = [];
  const byId = new Map<string, PreparedMember>();
  const keep = (m: PreparedMember) => {
    members.push(m);
    byId.set(m.row.id, m);
  };
  for (const m of directory.members) {
    if (removed.has(m.row.id)) continue;
    const row = upserted.get(m.row.id);
    upserted.delete(m.row.id);
    // New group or role names change the text of rows the delta did not name.
    keep(row ? prepareMember(row, current) : names ? prepareMember(m.row, names) : m);
  }
  for (const row of upserted.values()) keep(prepareMember(row, current));
  return {
    ...directory,
    ...stamp,
    members,
    byId,
    roles: delta.roles ?? directory.roles,
    groups: delta.groups ? sortedGroups(delta.groups) : directory.groups,
  };
}

/**
 * A delta between two snapshots that hold removed members, as seen by a copy
 * without them (main keeps the fuller list once removed members were shown):
 * members who are now removed leave, the rest are upserted.
 */
export function narrowDelta(delta: DirectoryDelta): DirectoryDelta {
  const upserted = delta.upserted.filter((row) => row.status !== 'removed');
  const removed = [...delta.removed, ...delta.upserted.filter((row) => row.status === 'removed').map((row) => row.id)];
  return { ...delta, from: withoutRemovedVersion(delta.from), to: withoutRemovedVersion(delta.to), includeRemoved: false, upserted, removed };
}
