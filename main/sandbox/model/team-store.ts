import type { team } from 'dropbox';
import type { Group, GroupMembership, Job, Member, SandboxState } from './types.js';
import type { ChangeRecord, GroupHeader, GroupOp } from './change-record.js';
import { Clock, dropboxTimestamp } from './clock.js';
import { GroupIndex } from './group-index.js';
import { keysOf, MemberIndex, type MemberKeys } from './member-index.js';
import { isAdminRoles, roleById, TEAM_ADMIN_ROLE_ID } from './roles.js';

/**
 * The live sandbox team: the persisted state plus the indexes that keep every
 * lookup, count and write O(1) in the team's size.
 *
 * Writes are tracked. Between beginWrite() and commitWrite() (rpc.ts wraps
 * every write route in them) each member a handler looks up, each group it
 * resolves and each job it adds is remembered; the commit brings the indexes
 * up to date for just those and hands listeners a ChangeRecord of them for the
 * change log. A handler that changes a member it did not get from a lookup
 * here calls touch(m); group memberships change through addGroupMember /
 * removeGroupMembers / setGroupAccess. Anything else calls changed(), which
 * reindexes everything and asks for a full save.
 */
export class TeamStore {
  readonly clock: Clock;
  private members = new MemberIndex();
  private groupIndex = new GroupIndex();
  private groupById = new Map<string, Group>();
  private jobMap = new Map<string, Job>();
  private listeners: Array<(change?: ChangeRecord) => void> = [];

  // Write tracking (see the class comment).
  private depth = 0;
  /** Members touched by the open write, with what the indexes held for them before it. */
  private touched = new Map<Member, MemberKeys>();
  /** Groups touched by the open write, with the membership array and length the store expects. */
  private touchedGroups = new Map<Group, { members: GroupMembership[]; length: number }>();
  private groupOps: GroupOp[] = [];
  private newJobs: Job[] = [];
  private unknownChange = false;

  constructor(public state: SandboxState) {
    this.clock = new Clock(state.clockOffsetMs);
    for (const j of state.jobs) this.jobMap.set(j.id, j);
    // Jobs live in a map; the state shows them as a read-only list (pushing onto it would be lost, so it throws).
    Object.defineProperty(state, 'jobs', {
      enumerable: true,
      configurable: true,
      get: () => Object.freeze([...this.jobMap.values()]),
      set: (jobs: Job[]) => {
        this.jobMap.clear();
        for (const j of jobs) this.jobMap.set(j.id, j);
      },
    });
    this.pruneJobs();
    this.reindex();
  }

  // --- writes ----------------------------------------------------------------

  /** Opens a tracked write (nests: overlapping writes are committed together). */
  beginWrite(): void {
    this.depth++;
  }

  /**
   * Closes a tracked write: updates the indexes for what it touched and tells
   * listeners what changed (before the answer goes out, so a listener that
   * logs it makes the write durable before it is acknowledged).
   */
  commitWrite(): void {
    if (this.depth === 0) throw new Error('commitWrite without beginWrite');
    this.depth--;
    this.state.clockOffsetMs = this.clock.offsetMs;
    if (this.unknownChange) {
      if (this.depth === 0) this.unknownChange = false;
      this.reindex();
      this.notify(undefined);
      return;
    }
    const change = this.record();
    this.syncIndexes();
    this.notify(change);
  }

  /**
   * Call after a change made outside a tracked write (control API, tests):
   * rebuilds every index and asks listeners for a full save. Inside a tracked
   * write it turns that write into such a change.
   */
  changed(): void {
    if (this.depth > 0) {
      this.unknownChange = true;
      return;
    }
    this.state.clockOffsetMs = this.clock.offsetMs;
    this.reindex();
    this.notify(undefined);
  }

  /** Listeners get the ChangeRecord of a tracked write, or nothing when anything may have changed. */
  onChange(listener: (change?: ChangeRecord) => void): void {
    this.listeners.push(listener);
  }

  /** Marks a member as changed by the open write (lookups here do it already). */
  touch(m: Member): void {
    if (this.depth > 0 && !this.touched.has(m)) this.touched.set(m, keysOf(m));
  }

  /** Marks a group as changed by the open write (group() does it already). */
  touchGroup(g: Group): void {
    if (this.depth > 0 && !this.touchedGroups.has(g)) this.touchedGroups.set(g, { members: g.members, length: g.members.length });
  }

  reindex(): void {
    this.members.clear();
    for (const m of this.state.members) this.members.add(m);
    this.groupById.clear();
    this.groupIndex.clear();
    for (const g of this.state.groups) this.indexGroup(g);
    this.resetTracking();
  }

  /** Indexes a member just added to state.members (invites). */
  indexMember(m: Member): void {
    if (this.members.byId.get(m.teamMemberId) === m) return this.touch(m);
    this.members.add(m);
    this.touch(m);
  }

  /** Re-keys a member after its email or external id changed, so the rest of the write sees it (the commit would too). */
  reindexMember(m: Member, old: { email: string; externalId?: string }): void {
    const before = this.touched.get(m) ?? { ...keysOf(m), email: old.email.toLowerCase(), externalId: old.externalId };
    this.syncMember(m, before);
    if (this.touched.has(m)) this.touched.set(m, keysOf(m));
  }

  mintId(prefix: string): string {
    const n = this.state.nextId++;
    return `${prefix}${n.toString(36).padStart(6, '0')}`;
  }

  // --- lookups -------------------------------------------------------------

  memberById(id: string): Member | undefined {
    return this.tracked(this.members.byId.get(id));
  }

  memberByEmail(email: string): Member | undefined {
    return this.tracked(this.members.memberByEmail(email.toLowerCase()));
  }

  memberByExternalId(externalId: string): Member | undefined {
    return this.tracked(this.members.memberByExternalId(externalId));
  }

  /** Members whose persistent id is `id` now (an index lookup, not a scan). */
  membersWithPersistentId(id: string): Member[] {
    const out = new Set<Member>();
    for (const m of this.members.withPersistentId(id)) if (m.persistentId === id) out.add(m);
    for (const m of this.touched.keys()) if (m.persistentId === id) out.add(m);
    return [...out];
  }

  /** Resolves a team.UserSelectorArg; undefined when nobody matches. */
  findMember(sel: team.UserSelectorArg): Member | undefined {
    switch (sel['.tag']) {
      case 'team_member_id':
        return this.memberById(sel.team_member_id);
      case 'external_id':
        return this.memberByExternalId(sel.external_id);
      case 'email':
        return this.memberByEmail(sel.email);
      default:
        return undefined;
    }
  }

  group(id: string): Group | undefined {
    const g = this.groupById.get(id);
    if (g) this.touchGroup(g);
    return g;
  }

  groupsOf(memberId: string): string[] {
    return [...this.groupIndex.groupsOf(memberId)];
  }

  /** A member's membership of a group, or undefined when not in it. */
  membership(g: Group, memberId: string): GroupMembership | undefined {
    return this.groupIndex.membership(g.groupId, memberId);
  }

  /** Members of `g` still on the team (what member_count shows). */
  liveMemberCount(g: Group): number {
    let n = this.groupIndex.liveCount(g.groupId);
    // Writes in progress may have removed or recovered members of the group.
    for (const [m, before] of this.touched) {
      if (!this.groupIndex.membership(g.groupId, m.teamMemberId)) continue;
      const live = m.status !== 'removed';
      if (live !== !before.removed) n += live ? 1 : -1;
    }
    return n;
  }

  addGroup(g: Group): void {
    this.state.groups.push(g);
    this.indexGroup(g);
    this.touchGroup(g);
    this.groupOps.push({ op: 'put', group: g });
    this.expectMembers(g);
  }

  deleteGroup(id: string): void {
    const g = this.groupById.get(id);
    if (!g) return;
    const at = this.state.groups.indexOf(g);
    if (at >= 0) this.state.groups.splice(at, 1);
    this.groupById.delete(id);
    this.groupIndex.deleteGroup(id);
    this.touchedGroups.delete(g);
    this.groupOps.push({ op: 'delete', groupId: id });
  }

  addGroupMember(g: Group, membership: GroupMembership): void {
    this.touchGroup(g);
    const had = this.groupIndex.membership(g.groupId, membership.teamMemberId);
    if (had) {
      had.accessType = membership.accessType;
    } else {
      g.members.push(membership);
      this.groupIndex.addMembership(g.groupId, membership, this.indexedLive(membership.teamMemberId));
    }
    this.groupOps.push({ op: 'add', groupId: g.groupId, membership: { ...membership } });
    this.expectMembers(g);
  }

  removeGroupMembers(g: Group, memberIds: Iterable<string>): void {
    this.touchGroup(g);
    const gone = new Set<string>();
    for (const id of memberIds) if (this.groupIndex.membership(g.groupId, id)) gone.add(id);
    if (gone.size === 0) return;
    if (gone.size === 1) {
      const [id] = gone;
      // One member out of a big group: a splice, not a new array.
      const at = g.members.findIndex((gm) => gm.teamMemberId === id);
      if (at >= 0) g.members.splice(at, 1);
    } else {
      g.members = g.members.filter((gm) => !gone.has(gm.teamMemberId));
    }
    for (const id of gone) this.groupIndex.removeMembership(g.groupId, id, this.indexedLive(id));
    this.groupOps.push({ op: 'remove', groupId: g.groupId, memberIds: [...gone] });
    this.expectMembers(g);
  }

  setGroupAccess(g: Group, memberId: string, accessType: GroupMembership['accessType']): void {
    const gm = this.groupIndex.membership(g.groupId, memberId);
    if (!gm || gm.accessType === accessType) return;
    this.touchGroup(g);
    gm.accessType = accessType;
    this.groupOps.push({ op: 'access', groupId: g.groupId, memberId, accessType });
  }

  addJob(job: Job): void {
    this.pruneJobs();
    this.jobMap.set(job.id, job);
    if (this.depth > 0) this.newJobs.push(job);
  }

  jobById(id: string): Job | undefined {
    return this.jobMap.get(id);
  }

  // --- derived facts ---------------------------------------------------------

  isTeamAdmin(m: Member): boolean {
    return m.roleIds.includes(TEAM_ADMIN_ROLE_ID);
  }

  isAdmin(m: Member): boolean {
    return isAdminRoles(m.roleIds);
  }

  /** Active members holding the Team admin role, in team order. */
  activeTeamAdmins(): Member[] {
    const out = new Set<Member>();
    for (const m of this.members.indexedAdmins()) if (!this.touched.has(m)) out.add(m);
    // Members a write in progress touched count as they are now.
    for (const m of this.touched.keys()) if (keysOf(m).activeTeamAdmin) out.add(m);
    return [...out].sort((a, b) => this.members.positionOf(a) - this.members.positionOf(b));
  }

  /** Invited + active (+ suspended) members count against licenses; removed do not. */
  provisionedCount(): number {
    let n = this.members.provisioned;
    for (const [m, before] of this.touched) {
      const now = m.status !== 'removed';
      if (now !== before.provisioned) n += now ? 1 : -1;
    }
    return n;
  }

  /** Every job still remembered (finished ones are kept a day). */
  jobs(): Job[] {
    return [...this.jobMap.values()];
  }

  // --- tracking internals ----------------------------------------------------

  private tracked(m: Member | undefined): Member | undefined {
    if (m && this.depth > 0) this.touch(m);
    return m;
  }

  private notify(change: ChangeRecord | undefined): void {
    for (const l of this.listeners) l(change);
  }

  /** What the open write changed, as the change log keeps it. */
  private record(): ChangeRecord {
    const groupOps = this.groupOps;
    const groups: GroupHeader[] = [];
    for (const [g, seen] of this.touchedGroups) {
      if (this.groupById.get(g.groupId) !== g) continue;
      // Memberships changed behind the store's back: log the whole list and reindex the group.
      if (g.members !== seen.members || g.members.length !== seen.length) {
        groupOps.push({ op: 'members', groupId: g.groupId, members: g.members.map((gm) => ({ ...gm })) });
        this.groupIndex.deleteGroup(g.groupId);
        this.groupIndex.addGroup(g, (id) => this.indexedLive(id));
        seen.members = g.members;
        seen.length = g.members.length;
      }
      const { members: _members, ...header } = g;
      groups.push(header);
    }
    this.groupOps = [];
    const jobs = this.newJobs;
    this.newJobs = [];
    return {
      members: [...this.touched.keys()],
      groupOps,
      groups,
      jobs,
      nextId: this.state.nextId,
      clockOffsetMs: this.state.clockOffsetMs,
      team: this.state.team,
    };
  }

  /** Moves the indexes from what touched members were to what they are; clears tracking once no write is open. */
  private syncIndexes(): void {
    for (const [m, before] of this.touched) {
      this.syncMember(m, before);
      if (this.depth > 0) this.touched.set(m, keysOf(m));
    }
    if (this.depth === 0) this.resetTracking();
  }

  private syncMember(m: Member, before: MemberKeys): void {
    this.members.update(m, before);
    const live = m.status !== 'removed';
    if (live !== !before.removed) this.groupIndex.memberLiveChanged(m.teamMemberId, live);
  }

  private resetTracking(): void {
    this.touched.clear();
    this.touchedGroups.clear();
    this.groupOps = [];
    this.newJobs = [];
  }

  private indexGroup(g: Group): void {
    this.groupById.set(g.groupId, g);
    this.groupIndex.addGroup(g, (id) => this.indexedLive(id));
  }

  /** After a membership change made here, the group's array is as the store expects. */
  private expectMembers(g: Group): void {
    const seen = this.touchedGroups.get(g);
    if (seen) {
      seen.members = g.members;
      seen.length = g.members.length;
    }
  }

  /** Whether the indexes count a member as on the team (as before the open write touched them). */
  private indexedLive(memberId: string): boolean {
    const m = this.members.byId.get(memberId);
    if (!m) return false;
    const before = this.touched.get(m);
    return before ? !before.removed : m.status !== 'removed';
  }

  /** Finished jobs are kept a day for late polls, then forgotten, so the saved team does not grow with every bulk run. */
  private pruneJobs(): void {
    const cutoff = Date.now() - JOB_RETENTION_MS;
    // The map keeps launch order, which is readyAt order: stop at the first job still kept.
    for (const [id, j] of this.jobMap) {
      if (j.readyAt > cutoff) break;
      this.jobMap.delete(id);
    }
  }

  // --- wire shapes -----------------------------------------------------------

  profile(m: Member): team.TeamMemberProfile {
    const status = ((): team.TeamMemberStatus => {
      switch (m.status) {
        case 'removed':
          return {
            '.tag': 'removed',
            is_recoverable: this.isRecoverable(m),
            is_disconnected: m.removal?.isDisconnected ?? false,
          };
        default:
          return { '.tag': m.status };
      }
    })();
    const p: team.TeamMemberProfile = {
      team_member_id: m.teamMemberId,
      account_id: m.accountId,
      email: m.email,
      email_verified: m.emailVerified,
      status,
      name: nameOf(m),
      membership_type: { '.tag': m.membershipType },
      groups: this.groupsOf(m.teamMemberId),
      member_folder_id: m.memberFolderId,
      root_folder_id: m.rootFolderId,
    };
    if (m.externalId !== undefined) p.external_id = m.externalId;
    if (m.persistentId !== undefined) p.persistent_id = m.persistentId;
    if (m.isDirectoryRestricted !== undefined) p.is_directory_restricted = m.isDirectoryRestricted;
    if (m.status === 'invited' && m.invitedOn) p.invited_on = dropboxTimestamp(m.invitedOn);
    if (m.joinedOn) p.joined_on = dropboxTimestamp(m.joinedOn);
    if (m.status === 'suspended' && m.suspendedOn) p.suspended_on = dropboxTimestamp(m.suspendedOn);
    return p;
  }

  memberInfoV2(m: Member): team.TeamMemberInfoV2 {
    const roles = m.roleIds.map(roleById).filter((r): r is team.TeamMemberRole => !!r);
    return { profile: this.profile(m), roles };
  }

  /** Removed members can be recovered for 7 days unless their files moved. */
  isRecoverable(m: Member): boolean {
    if (m.status !== 'removed' || !m.removal) return false;
    if (m.removal.unrecoverable || m.removal.isDisconnected) return false;
    return this.clock.now() - m.removal.on < RECOVER_WINDOW_MS;
  }
}

const JOB_RETENTION_MS = 24 * 60 * 60 * 1000;

export const RECOVER_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export function nameOf(m: Pick<Member, 'givenName' | 'surname'>): team.TeamMemberProfile['name'] {
  const display = [m.givenName, m.surname].filter(Boolean).join(' ');
  const abbreviated = [m.givenName, m.surname]
    .filter(Boolean)
    .map((s) => s.charAt(0).toUpperCase())
    .join('');
  return {
    given_name: m.givenName,
    surname: m.surname,
    familiar_name: m.givenName,
    display_name: display,
    abbreviated_name: abbreviated,
  };
}
