/**
 * The member directory: a compact snapshot once, then deltas (what a refresh
 * or a change altered), and one member's details on demand.
 */
import { z } from 'zod';
import type { AppErrorInfo } from './errors.js';
import { id, type ApiOf } from './method.js';

export type MemberStatus = 'active' | 'invited' | 'suspended' | 'removed';

/** How a member without an admin role is shown and exported ("Role" column). */
export const MEMBER_ROLE_LABEL = 'Member';

/** One directory row: compact, precomputed for filtering and sorting in the renderer. */
export interface MemberRow {
  /** team_member_id */
  id: string;
  email: string;
  /** display_name */
  name: string;
  givenName: string;
  surname: string;
  status: MemberStatus;
  /** Removed members only: can still be recovered. */
  recoverable?: boolean;
  /** Role ids (pid_dbtmr:…); empty for plain members. */
  roleIds: string[];
  groupIds: string[];
  /** ISO 8601 timestamps as Dropbox sends them. */
  joinedOn?: string;
  invitedOn?: string;
  suspendedOn?: string;
  externalId?: string;
  membershipType: 'full' | 'limited';
  emailVerified: boolean;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface DirectorySnapshot {
  connectionId: string;
  /** Names this snapshot: a delta applies to the version it names as `from`. */
  version: string;
  /** ISO time the sync finished. */
  syncedAt: string;
  includeRemoved: boolean;
  members: MemberRow[];
  groups: NamedRef[];
  roles: NamedRef[];
}

/** What changed between two versions of a directory: applied only to a copy at `from`. */
export interface DirectoryDelta {
  connectionId: string;
  from: string;
  to: string;
  syncedAt: string;
  includeRemoved: boolean;
  /** New members and members whose row changed. */
  upserted: MemberRow[];
  /** Ids of members no longer in the directory. */
  removed: string[];
  /** Present only when the team's groups or roles changed. */
  groups?: NamedRef[];
  roles?: NamedRef[];
}

/** A refresh's answer: what changed since the version the caller holds, or everything when it holds another. */
/**
 * The version of the copy without removed members that is cut from a snapshot
 * holding them. Main and the renderer derive it the same way, so a delta
 * between two fuller snapshots can be narrowed for the copy the renderer holds.
 */
export function withoutRemovedVersion(version: string): string {
  return `${version}-active`;
}

export type DirectoryUpdate = { kind: 'delta'; delta: DirectoryDelta } | { kind: 'snapshot'; snapshot: DirectorySnapshot };

export interface DeviceInfo {
  sessionId: string;
  kind: 'desktop' | 'mobile' | 'web';
  name: string;
  platform?: string;
  ipAddress?: string;
  country?: string;
  created?: string;
  updated?: string;
}

export interface LinkedAppInfo {
  appId: string;
  appName: string;
  publisher?: string;
  linked?: string;
}

export interface MemberDetail {
  member: MemberRow;
  roles: NamedRef[];
  groups: NamedRef[];
  devices: DeviceInfo[];
  linkedApps: LinkedAppInfo[];
  /** Where the connection can tell (sandbox); absent for real teams. */
  fileUsage?: { files: number; bytes: number };
}

const includeRemoved = z.strictObject({ includeRemoved: z.boolean() });

export const DIRECTORY_ARGS = {
  /** The cached directory, syncing first when there is none yet. */
  getDirectory: includeRemoved,
  /** Syncs again from Dropbox and answers the whole snapshot (progress arrives as directory.sync events). */
  refreshDirectory: includeRemoved,
  /**
   * Syncs again and answers only what changed since `since`, the version the
   * caller holds (the whole snapshot when it holds another, or none).
   */
  syncDirectory: z.strictObject({ includeRemoved: z.boolean(), since: id.nullable() }),
  getMemberDetail: z.strictObject({ memberId: id }),
};

export interface DirectoryResults {
  getDirectory: DirectorySnapshot;
  refreshDirectory: DirectorySnapshot;
  syncDirectory: DirectoryUpdate;
  getMemberDetail: MemberDetail;
}

export type DirectoryApi = ApiOf<typeof DIRECTORY_ARGS, DirectoryResults>;

export type DirectoryEvent =
  | {
      type: 'directory.sync';
      connectionId: string;
      /** 'progress': the first page's count at once, then at most ten a second (not one per page). */
      phase: 'started' | 'progress' | 'done' | 'error';
      /** Members received so far. */
      loaded: number;
      error?: AppErrorInfo;
    }
  | ({ type: 'directory.delta' } & DirectoryDelta);
