import type { Member } from './types.js';
import { TEAM_ADMIN_ROLE_ID } from './roles.js';

/** What the member indexes know about one member, captured before a write changes it. */
export interface MemberKeys {
  email: string;
  externalId?: string;
  persistentId?: string;
  removed: boolean;
  /** Counts against licenses (everyone but removed members). */
  provisioned: boolean;
  /** Active and holding the Team admin role. */
  activeTeamAdmin: boolean;
}

export function keysOf(m: Member): MemberKeys {
  return {
    email: m.email.toLowerCase(),
    externalId: m.externalId,
    persistentId: m.persistentId,
    removed: m.status === 'removed',
    provisioned: m.status !== 'removed',
    activeTeamAdmin: m.status === 'active' && m.roleIds.includes(TEAM_ADMIN_ROLE_ID),
  };
}

/**
 * Every member lookup and count the routes need, kept up to date one member
 * at a time so a write never costs a pass over the team.
 */
export class MemberIndex {
  readonly byId = new Map<string, Member>();
  readonly byEmail = new Map<string, Member>();
  readonly byExternalId = new Map<string, Member>();
  private byPersistentId = new Map<string, Set<Member>>();
  /** Active Team admins with their place in the team's member order. */
  private admins = new Map<Member, number>();
  /** Place of each member in SandboxState.members (members are never taken out of it). */
  private position = new Map<Member, number>();
  provisioned = 0;

  clear(): void {
    this.byId.clear();
    this.byEmail.clear();
    this.byExternalId.clear();
    this.byPersistentId.clear();
    this.admins.clear();
    this.position.clear();
    this.provisioned = 0;
  }

  /** Indexes a member not indexed yet (at load, or a new invite). */
  add(m: Member): void {
    if (!this.position.has(m)) this.position.set(m, this.position.size);
    this.byId.set(m.teamMemberId, m);
    // Runs 50,000 times at start: no MemberKeys object per member.
    claim(this.byEmail, m.email.toLowerCase(), m);
    if (m.externalId) claim(this.byExternalId, m.externalId, m);
    if (m.persistentId) this.addPersistent(m.persistentId, m);
    if (m.status !== 'removed') this.provisioned++;
    if (m.status === 'active' && m.roleIds.includes(TEAM_ADMIN_ROLE_ID)) this.admins.set(m, this.position.get(m)!);
  }

  /** Moves a member's index entries from what `before` recorded to what the member is now. */
  update(m: Member, before: MemberKeys): void {
    const now = keysOf(m);
    if (before.email !== now.email && this.byEmail.get(before.email) === m) this.byEmail.delete(before.email);
    claim(this.byEmail, now.email, m);
    if (before.externalId && before.externalId !== now.externalId && this.byExternalId.get(before.externalId) === m) {
      this.byExternalId.delete(before.externalId);
    }
    if (now.externalId) claim(this.byExternalId, now.externalId, m);
    if (before.persistentId !== now.persistentId) {
      if (before.persistentId) this.byPersistentId.get(before.persistentId)?.delete(m);
      if (now.persistentId) this.addPersistent(now.persistentId, m);
    }
    if (before.provisioned !== now.provisioned) this.provisioned += now.provisioned ? 1 : -1;
    if (before.activeTeamAdmin !== now.activeTeamAdmin) {
      if (now.activeTeamAdmin) this.admins.set(m, this.position.get(m) ?? Number.MAX_SAFE_INTEGER);
      else this.admins.delete(m);
    }
  }

  /** Members indexed under a persistent id (callers re-check: a write may be changing it). */
  withPersistentId(id: string): Iterable<Member> {
    return this.byPersistentId.get(id) ?? [];
  }

  indexedAdmins(): Iterable<Member> {
    return this.admins.keys();
  }

  positionOf(m: Member): number {
    return this.position.get(m) ?? Number.MAX_SAFE_INTEGER;
  }

  private addPersistent(id: string, m: Member): void {
    const set = this.byPersistentId.get(id);
    if (set) set.add(m);
    else this.byPersistentId.set(id, new Set([m]));
  }
}

/**
 * An email or external id a former member released can be taken by another
 * member; the member holding it now keeps the index entry, whatever order
 * the saved state lists them in.
 */
function claim(index: Map<string, Member>, key: string, m: Member): void {
  const holder = index.get(key);
  if (!holder || holder === m || holder.status === 'removed' || m.status !== 'removed') index.set(key, m);
}
