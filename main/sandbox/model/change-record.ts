import type { Group, GroupMembership, Job, Member, SandboxState, Team } from './types.js';

/**
 * A change to group memberships. Each one states an end result ("X is in the
 * group as owner", "X is not in the group") rather than a step, so replaying
 * it over a state that already has it changes nothing: a snapshot taken while
 * writes go on may hold some of the changes its log replays again.
 */
export type GroupOp =
  | { op: 'put'; group: Group }
  | { op: 'delete'; groupId: string }
  | { op: 'add'; groupId: string; membership: GroupMembership }
  | { op: 'remove'; groupId: string; memberIds: string[] }
  | { op: 'access'; groupId: string; memberId: string; accessType: GroupMembership['accessType'] }
  | { op: 'members'; groupId: string; members: GroupMembership[] };

/** A group's own fields, without its memberships (those travel as GroupOps). */
export type GroupHeader = Omit<Group, 'members'>;

/**
 * One acknowledged write as the change log keeps it: the whole records of the
 * members and jobs it touched (so replaying is "put this record"), group
 * changes as ops, and the few team-wide values every write may move.
 */
export interface ChangeRecord {
  members: Member[];
  groupOps: GroupOp[];
  groups: GroupHeader[];
  jobs: Job[];
  nextId: number;
  clockOffsetMs: number;
  team: Team;
}

/**
 * Where things are in a state being replayed onto, so each record applies in
 * O(its size). Memberships of the groups a replay changes are held in maps
 * (insertion order is group order) and written back by finishReplay.
 */
export interface ReplayIndex {
  memberAt: Map<string, number>;
  groupById: Map<string, Group>;
  jobAt: Map<string, number>;
  memberships: Map<Group, Map<string, GroupMembership>>;
}

export function replayIndex(state: SandboxState): ReplayIndex {
  // A loop, not new Map(members.map(…)): no 50,000 throwaway pairs at start-up.
  const memberAt = new Map<string, number>();
  for (let i = 0; i < state.members.length; i++) memberAt.set(state.members[i].teamMemberId, i);
  return {
    memberAt,
    groupById: new Map(state.groups.map((g) => [g.groupId, g])),
    jobAt: new Map(state.jobs.map((j, i) => [j.id, i])),
    memberships: new Map(),
  };
}

/** Applies one logged change to a plain state (before any TeamStore indexes it). */
export function applyChange(state: SandboxState, idx: ReplayIndex, c: ChangeRecord): void {
  for (const m of c.members) {
    const at = idx.memberAt.get(m.teamMemberId);
    if (at === undefined) {
      idx.memberAt.set(m.teamMemberId, state.members.length);
      state.members.push(m);
    } else state.members[at] = m;
  }
  for (const op of c.groupOps) applyGroupOp(state, idx, op);
  for (const h of c.groups) {
    const g = idx.groupById.get(h.groupId);
    if (!g) continue;
    const members = g.members;
    for (const k of Object.keys(g) as Array<keyof Group>) if (k !== 'members') delete g[k];
    Object.assign(g, h, { members });
  }
  for (const j of c.jobs) {
    const at = idx.jobAt.get(j.id);
    if (at === undefined) {
      idx.jobAt.set(j.id, state.jobs.length);
      state.jobs.push(j);
    } else state.jobs[at] = j;
  }
  state.nextId = c.nextId;
  state.clockOffsetMs = c.clockOffsetMs;
  state.team = c.team;
}

/** Writes the replayed memberships back into their groups' arrays. */
export function finishReplay(idx: ReplayIndex): void {
  for (const [g, map] of idx.memberships) g.members = [...map.values()];
  idx.memberships.clear();
}

function membershipsOf(idx: ReplayIndex, g: Group): Map<string, GroupMembership> {
  let map = idx.memberships.get(g);
  if (!map) {
    map = new Map(g.members.map((gm) => [gm.teamMemberId, gm]));
    idx.memberships.set(g, map);
  }
  return map;
}

function applyGroupOp(state: SandboxState, idx: ReplayIndex, op: GroupOp): void {
  if (op.op === 'put') {
    const existing = idx.groupById.get(op.group.groupId);
    if (existing) {
      state.groups[state.groups.indexOf(existing)] = op.group;
      idx.memberships.delete(existing);
    } else state.groups.push(op.group);
    idx.groupById.set(op.group.groupId, op.group);
    return;
  }
  if (op.op === 'delete') {
    const g = idx.groupById.get(op.groupId);
    if (!g) return;
    idx.groupById.delete(op.groupId);
    idx.memberships.delete(g);
    state.groups.splice(state.groups.indexOf(g), 1);
    return;
  }
  const g = idx.groupById.get(op.groupId);
  if (!g) return;
  const map = membershipsOf(idx, g);
  switch (op.op) {
    case 'add': {
      const had = map.get(op.membership.teamMemberId);
      if (had) had.accessType = op.membership.accessType;
      else map.set(op.membership.teamMemberId, { ...op.membership });
      return;
    }
    case 'remove':
      for (const id of op.memberIds) map.delete(id);
      return;
    case 'access': {
      const had = map.get(op.memberId);
      if (had) had.accessType = op.accessType;
      return;
    }
    case 'members':
      map.clear();
      for (const gm of op.members) map.set(gm.teamMemberId, { ...gm });
      return;
  }
}
