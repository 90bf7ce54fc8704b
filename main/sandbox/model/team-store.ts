import type { team } from 'dropbox';
import type { Group, Job, Member, SandboxState } from './types.js';
import { Clock, dropboxTimestamp } from './clock.js';
import { isAdminRoles, roleById, TEAM_ADMIN_ROLE_ID } from './roles.js';

/**
 * The live sandbox team: the persisted state plus the indexes that keep every
 * lookup O(1) on a 50,000-member team. All mutation goes through here or
 * through the arrays it owns, followed by `changed()`.
 */
export class TeamStore {
  readonly clock: Clock;
  private byId = new Map<string, Member>();
  private byEmail = new Map<string, Member>();
  private byExternalId = new Map<string, Member>();
  private groupById = new Map<string, Group>();
  /** Group ids per member, rebuilt lazily after group changes. */
  private groupsOfMember: Map<string, string[]> | null = null;
  private listeners: Array<() => void> = [];

  constructor(public state: SandboxState) {
    this.clock = new Clock(state.clockOffsetMs);
    this.reindex();
  }

  /** Call after any mutation: refreshes indexes that may be stale and notifies (persistence). */
  changed(): void {
    this.state.clockOffsetMs = this.clock.offsetMs;
    this.groupsOfMember = null;
    for (const l of this.listeners) l();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  reindex(): void {
    this.byId.clear();
    this.byEmail.clear();
    this.byExternalId.clear();
    for (const m of this.state.members) this.indexMember(m);
    this.groupById.clear();
    for (const g of this.state.groups) this.groupById.set(g.groupId, g);
    this.groupsOfMember = null;
  }

  indexMember(m: Member): void {
    this.byId.set(m.teamMemberId, m);
    claim(this.byEmail, m.email.toLowerCase(), m);
    if (m.externalId) claim(this.byExternalId, m.externalId, m);
  }

  /** Re-key a member after its email or external id changed. */
  reindexMember(m: Member, old: { email: string; externalId?: string }): void {
    if (this.byEmail.get(old.email.toLowerCase()) === m) this.byEmail.delete(old.email.toLowerCase());
    if (old.externalId && this.byExternalId.get(old.externalId) === m) this.byExternalId.delete(old.externalId);
    this.indexMember(m);
  }

  mintId(prefix: string): string {
    const n = this.state.nextId++;
    return `${prefix}${n.toString(36).padStart(6, '0')}`;
  }

  // --- lookups -------------------------------------------------------------

  memberById(id: string): Member | undefined {
    return this.byId.get(id);
  }

  memberByEmail(email: string): Member | undefined {
    return this.byEmail.get(email.toLowerCase());
  }

  memberByExternalId(externalId: string): Member | undefined {
    return this.byExternalId.get(externalId);
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
    return this.groupById.get(id);
  }

  groupsOf(memberId: string): string[] {
    if (!this.groupsOfMember) {
      const map = new Map<string, string[]>();
      for (const g of this.state.groups) {
        for (const gm of g.members) {
          const list = map.get(gm.teamMemberId);
          if (list) list.push(g.groupId);
          else map.set(gm.teamMemberId, [g.groupId]);
        }
      }
      this.groupsOfMember = map;
    }
    return this.groupsOfMember.get(memberId) ?? [];
  }

  addGroup(g: Group): void {
    this.state.groups.push(g);
    this.groupById.set(g.groupId, g);
  }

  deleteGroup(id: string): void {
    this.state.groups = this.state.groups.filter((g) => g.groupId !== id);
    this.groupById.delete(id);
  }

  addJob(job: Job): void {
    // Finished jobs are kept a day for late polls, then forgotten, so the
    // saved state does not grow with every bulk run.
    const cutoff = Date.now() - JOB_RETENTION_MS;
    this.state.jobs = this.state.jobs.filter((j) => j.readyAt > cutoff);
    this.state.jobs.push(job);
  }

  jobById(id: string): Job | undefined {
    return this.state.jobs.find((j) => j.id === id);
  }

  // --- derived facts ---------------------------------------------------------

  isTeamAdmin(m: Member): boolean {
    return m.roleIds.includes(TEAM_ADMIN_ROLE_ID);
  }

  isAdmin(m: Member): boolean {
    return isAdminRoles(m.roleIds);
  }

  /** Active members holding the Team admin role. */
  activeTeamAdmins(): Member[] {
    return this.state.members.filter((m) => m.status === 'active' && this.isTeamAdmin(m));
  }

  /** Invited + active (+ suspended) members count against licenses; removed do not. */
  provisionedCount(): number {
    let n = 0;
    for (const m of this.state.members) if (m.status !== 'removed') n++;
    return n;
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

/**
 * An email or external id a former member released can be taken by another
 * member; the member holding it now keeps the index entry, whatever order
 * the saved state lists them in.
 */
function claim(index: Map<string, Member>, key: string, m: Member): void {
  const holder = index.get(key);
  if (!holder || holder.status === 'removed' || m.status !== 'removed') index.set(key, m);
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
