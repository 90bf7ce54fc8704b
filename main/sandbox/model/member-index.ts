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

/** Lookups by a member's own keys; built on first use (see MemberIndex). */
interface KeyMaps {
  byEmail: Map<string, Member>;
  byExternalId: Map<string, Member>;
  byPersistentId: Map<string, Set<Member>>;
}

/**
 * Every member lookup and count the routes need, kept up to date one member
 * at a time so a write never costs a pass over the team.
 *
 * Built at start-up for 50,000 members, so only what every request needs is
 * built then: the id map (each call's admin), the count of provisioned
 * members and the active Team admins. The lookups by email, external id and
 * persistent id, and each member's place in the team, are built on their
 * first use (a lookup or a write), in one pass, and kept up to date from then
 * on. Building them late gives what building them early and updating them
 * would: each entry goes to the member holding the key at build time, and an
 * update moves entries from the keys a write started with to the keys it
 * ended with, whichever of the two the entry is under.
 */
export class MemberIndex {
  readonly byId = new Map<string, Member>();
  /** Members in team order (SandboxState.members order: members are never taken out of it). */
  private all: Member[] = [];
  private keys: KeyMaps | undefined;
  private position: Map<Member, number> | undefined;
  /** Active Team admins with their place in the team's member order. */
  private admins = new Map<Member, number>();
  provisioned = 0;

  clear(): void {
    this.byId.clear();
    this.all = [];
    this.keys = undefined;
    this.position = undefined;
    this.admins.clear();
    this.provisioned = 0;
  }

  /** Indexes a member not indexed yet (at load, or a new invite). */
  add(m: Member): void {
    if (this.byId.get(m.teamMemberId) === m) return;
    const at = this.all.length;
    this.all.push(m);
    this.position?.set(m, at);
    this.byId.set(m.teamMemberId, m);
    if (this.keys) addKeys(this.keys, m);
    if (m.status !== 'removed') this.provisioned++;
    if (m.status === 'active' && m.roleIds.includes(TEAM_ADMIN_ROLE_ID)) this.admins.set(m, at);
  }

  memberByEmail(lowerCaseEmail: string): Member | undefined {
    return this.keyMaps().byEmail.get(lowerCaseEmail);
  }

  memberByExternalId(externalId: string): Member | undefined {
    return this.keyMaps().byExternalId.get(externalId);
  }

  /** Moves a member's index entries from what `before` recorded to what the member is now. */
  update(m: Member, before: MemberKeys): void {
    const { byEmail, byExternalId, byPersistentId } = this.keyMaps();
    const now = keysOf(m);
    if (before.email !== now.email && byEmail.get(before.email) === m) byEmail.delete(before.email);
    claim(byEmail, now.email, m);
    if (before.externalId && before.externalId !== now.externalId && byExternalId.get(before.externalId) === m) {
      byExternalId.delete(before.externalId);
    }
    if (now.externalId) claim(byExternalId, now.externalId, m);
    if (before.persistentId !== now.persistentId) {
      if (before.persistentId) byPersistentId.get(before.persistentId)?.delete(m);
      if (now.persistentId) addPersistent(byPersistentId, now.persistentId, m);
    }
    if (before.provisioned !== now.provisioned) this.provisioned += now.provisioned ? 1 : -1;
    if (before.activeTeamAdmin !== now.activeTeamAdmin) {
      if (now.activeTeamAdmin) this.admins.set(m, this.positionOf(m));
      else this.admins.delete(m);
    }
  }

  /** Members indexed under a persistent id (callers re-check: a write may be changing it). */
  withPersistentId(id: string): Iterable<Member> {
    return this.keyMaps().byPersistentId.get(id) ?? [];
  }

  indexedAdmins(): Iterable<Member> {
    return this.admins.keys();
  }

  positionOf(m: Member): number {
    const admin = this.admins.get(m);
    if (admin !== undefined) return admin;
    if (!this.position) {
      this.position = new Map();
      for (let i = 0; i < this.all.length; i++) this.position.set(this.all[i], i);
    }
    return this.position.get(m) ?? Number.MAX_SAFE_INTEGER;
  }

  private keyMaps(): KeyMaps {
    if (!this.keys) {
      this.keys = { byEmail: new Map(), byExternalId: new Map(), byPersistentId: new Map() };
      for (const m of this.all) addKeys(this.keys, m);
    }
    return this.keys;
  }
}

function addKeys(keys: KeyMaps, m: Member): void {
  // Runs 50,000 times on first use: no MemberKeys object per member.
  claim(keys.byEmail, m.email.toLowerCase(), m);
  if (m.externalId) claim(keys.byExternalId, m.externalId, m);
  if (m.persistentId) addPersistent(keys.byPersistentId, m.persistentId, m);
}

function addPersistent(index: Map<string, Set<Member>>, id: string, m: Member): void {
  const set = index.get(id);
  if (set) set.add(m);
  else index.set(id, new Set([m]));
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
