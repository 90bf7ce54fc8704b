import type { Group, GroupMembership } from './types.js';

/**
 * Group memberships both ways (group → member → membership, member → group
 * ids) and each group's count of members still on the team, kept up to date
 * one membership at a time: a group of 10,000 members costs a write nothing
 * more than a group of ten.
 */
export class GroupIndex {
  private byGroup = new Map<string, Map<string, GroupMembership>>();
  private ofMember = new Map<string, string[]>();
  private live = new Map<string, number>();

  clear(): void {
    this.byGroup.clear();
    this.ofMember.clear();
    this.live.clear();
  }

  /** Indexes a group and all its memberships; `isLive` says whether a member is still on the team. */
  addGroup(g: Group, isLive: (memberId: string) => boolean): void {
    const map = new Map<string, GroupMembership>();
    this.byGroup.set(g.groupId, map);
    // addMembership's work inlined: at start-up this runs for every membership of the team.
    let live = 0;
    for (const gm of g.members) {
      const id = gm.teamMemberId;
      const had = map.has(id);
      map.set(id, gm);
      if (had) continue;
      const list = this.ofMember.get(id);
      if (list) list.push(g.groupId);
      else this.ofMember.set(id, [g.groupId]);
      if (isLive(id)) live++;
    }
    this.live.set(g.groupId, live);
  }

  deleteGroup(groupId: string): void {
    const map = this.byGroup.get(groupId);
    if (!map) return;
    for (const memberId of map.keys()) this.unlinkMember(memberId, groupId);
    this.byGroup.delete(groupId);
    this.live.delete(groupId);
  }

  addMembership(groupId: string, gm: GroupMembership, live: boolean): void {
    const map = this.byGroup.get(groupId);
    if (!map) return;
    const had = map.get(gm.teamMemberId);
    map.set(gm.teamMemberId, gm);
    if (had) return;
    const list = this.ofMember.get(gm.teamMemberId);
    if (list) list.push(groupId);
    else this.ofMember.set(gm.teamMemberId, [groupId]);
    if (live) this.live.set(groupId, (this.live.get(groupId) ?? 0) + 1);
  }

  removeMembership(groupId: string, memberId: string, live: boolean): void {
    const map = this.byGroup.get(groupId);
    if (!map?.delete(memberId)) return;
    this.unlinkMember(memberId, groupId);
    if (live) this.live.set(groupId, (this.live.get(groupId) ?? 1) - 1);
  }

  membership(groupId: string, memberId: string): GroupMembership | undefined {
    return this.byGroup.get(groupId)?.get(memberId);
  }

  groupsOf(memberId: string): readonly string[] {
    return this.ofMember.get(memberId) ?? [];
  }

  liveCount(groupId: string): number {
    return this.live.get(groupId) ?? 0;
  }

  /** A member left the team or came back: the groups they are in count them or stop counting them. */
  memberLiveChanged(memberId: string, live: boolean): void {
    for (const gid of this.groupsOf(memberId)) this.live.set(gid, (this.live.get(gid) ?? 0) + (live ? 1 : -1));
  }

  private unlinkMember(memberId: string, groupId: string): void {
    const list = this.ofMember.get(memberId);
    if (!list) return;
    const i = list.indexOf(groupId);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.ofMember.delete(memberId);
  }
}
