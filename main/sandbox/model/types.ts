/**
 * The sandbox team's state. Plain JSON-serialisable data so that it can be
 * persisted with `--state FILE` and shown whole by `GET /__sandbox/state`.
 * Times are epoch milliseconds on the sandbox clock (see clock.ts).
 */

export type MemberStatus = 'active' | 'invited' | 'suspended' | 'removed';

export interface FileFolder {
  /** Folder name as seen in the owner's Dropbox, e.g. "Jane Doe (former member) files". */
  name: string;
  files: number;
  bytes: number;
  /** team_member_id of the member these files came from, when transferred. */
  fromMemberId?: string;
}

/** A member's synthetic files: their own set plus folders transferred to them. */
export interface FileSet {
  files: number;
  bytes: number;
  /** Own files permanently deleted (permanently_delete_files). */
  deleted: boolean;
  /** Own files moved away to another member (transfer on remove or move_former_member_files). */
  transferredTo?: string;
  /**
   * A transfer of these files is still running (seeded or set through the
   * control API; transfers the API starts are tracked in file-transfer.ts).
   */
  transferring?: boolean;
  received: FileFolder[];
}

export interface Device {
  kind: 'desktop' | 'mobile' | 'web';
  sessionId: string;
  ipAddress?: string;
  country?: string;
  created: number;
  updated: number;
  /** desktop: host name; mobile: device name; web: browser. */
  name: string;
  /** desktop: windows | mac | linux; mobile: iphone | ipad | android | … ; web: os. */
  platform: string;
  clientVersion?: string;
  /** Set when wipe_data ran for this member: the device was told to delete local files. */
  wiped: boolean;
}

export interface LinkedApp {
  appId: string;
  appName: string;
  isAppFolder: boolean;
  publisher?: string;
  publisherUrl?: string;
  linked: number;
}

export interface Member {
  teamMemberId: string;
  accountId: string;
  email: string;
  emailVerified: boolean;
  givenName: string;
  surname: string;
  externalId?: string;
  persistentId?: string;
  isDirectoryRestricted?: boolean;
  membershipType: 'full' | 'limited';
  status: MemberStatus;
  invitedOn?: number;
  joinedOn?: number;
  suspendedOn?: number;
  /** Present when status is removed. */
  removal?: {
    on: number;
    /** Converted to an individual account (keep_account). */
    isDisconnected: boolean;
    /** Files were transferred or deleted: recover is no longer possible. */
    unrecoverable: boolean;
  };
  /** At most one role id (pid_dbtmr:…); empty means plain member. */
  roleIds: string[];
  memberFolderId: string;
  rootFolderId: string;
  files: FileSet;
  devices: Device[];
  linkedApps: LinkedApp[];
  /** Set when a welcome/invite email was (re)sent: the count, for tests and the UI. */
  welcomeEmailsSent: number;
  /** Held by a legal hold: the account cannot leave the team as a Basic account. */
  legalHold?: boolean;
  /** Has not accepted the terms of service yet: the account cannot be kept on removal. */
  mustSignTos?: boolean;
}

export type GroupManagementType = 'user_managed' | 'company_managed' | 'system_managed';

export interface GroupMembership {
  teamMemberId: string;
  accessType: 'member' | 'owner';
}

export interface Group {
  groupId: string;
  name: string;
  externalId?: string;
  managementType: GroupManagementType;
  created: number;
  members: GroupMembership[];
}

export interface Job {
  id: string;
  /** Which job_status route reads it. */
  kind: 'members_add' | 'members_remove' | 'move_former_member_files' | 'groups' | 'members_bulk_suspend';
  /** Real (wall-clock) ms after which a poll sees it finished. */
  readyAt: number;
  /**
   * What a poll answers once finished. The state change itself is made when
   * the job is accepted, after every check passed (so a job never fails and a
   * crash never loses it); only its report waits for readyAt.
   */
  outcome: { complete: unknown; report?: unknown };
}

export interface Team {
  teamId: string;
  name: string;
  numLicensedUsers: number;
  /** Team policy: sharing outside the team is off (members/remove cannot retain shares). */
  externalSharingOff?: boolean;
  /** Persistent ids need a SAML setup this team lacks: add and set_profile refuse them. */
  persistentIdDisabled?: boolean;
}

export interface SandboxState {
  version: 1;
  seed: number;
  team: Team;
  members: Member[];
  groups: Group[];
  jobs: Job[];
  /** Counter for ids minted after seeding, so ids stay deterministic for a seed. */
  nextId: number;
  /** Offset added to wall-clock time (advance with POST /__sandbox/clock). */
  clockOffsetMs: number;
}
