/**
 * THE contract between the renderer and main: every call the UI can make and
 * every event main pushes. Imported type-only by the renderer; main validates
 * every argument with the zod schemas in contract-schemas.ts.
 *
 * Nothing here ever carries a token, a secret, or a file path the user did
 * not choose.
 */

export type MemberStatus = 'active' | 'invited' | 'suspended' | 'removed';

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
  /** ISO time the sync finished. */
  syncedAt: string;
  includeRemoved: boolean;
  members: MemberRow[];
  groups: NamedRef[];
  roles: NamedRef[];
}

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

/** The built-in team's badge, and its connection's label until the admin renames it. */
export const SANDBOX_LABEL = 'Sandbox — practice data';

export type ConnectionState = 'connected' | 'connecting' | 'refreshing' | 'needs_reauth' | 'offline';

export interface ConnectionSummary {
  id: string;
  kind: 'sandbox' | 'dropbox';
  /** What the admin calls it; defaults to the team name. */
  label: string;
  teamName?: string;
  state: ConnectionState;
  admin?: { name: string; email: string };
  licenses?: { licensed: number; provisioned: number };
  /** Why the state is needs_reauth or offline, in words for people (e.g. a scope to enable). */
  problem?: AppErrorInfo;
  /** The connection the app is showing now. */
  active: boolean;
}

/** What the connect dialog shows before the admin starts: set these up in the Dropbox App Console. */
export interface ConnectGuide {
  /** The loopback redirect URI to register exactly, e.g. http://127.0.0.1:53682/callback. */
  redirectUri: string;
  /** Scopes to tick on the app's Permissions tab. */
  scopes: string[];
}

export interface StartConnectArg {
  /** The Dropbox app key (client id) of the admin's own "Scoped access" app. */
  appKey: string;
  /**
   * loopback: Dropbox redirects to the app's listener on 127.0.0.1 (needs the
   * redirect URI registered). paste: Dropbox shows a code the admin pastes.
   */
  mode: 'loopback' | 'paste';
  /** Re-authorise this existing connection instead of adding a new one. */
  connectionId?: string;
}

export interface ConnectAttempt {
  attemptId: string;
  mode: 'loopback' | 'paste';
  /** Dropbox's consent page. Opened in the system browser when `opened`; otherwise the UI opens it. */
  authorizeUrl: string;
  opened: boolean;
}

/**
 * Where sign-ins (refresh tokens) are kept: encrypted by the OS and kept across
 * restarts; kept only until Teamkeeper quits (browser mode, or no OS
 * encryption); or saved under Linux's basic_text fallback because the admin
 * explicitly accepted that (--allow-plain-secrets).
 */
export type SecretStorage = 'encrypted' | 'session' | 'plain_accepted';

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  secretStorage: SecretStorage;
}

/** Columns of the member report, in their default order. */
export const CSV_COLUMNS = [
  'name',
  'email',
  'status',
  'role',
  'groups',
  'joined_on',
  'invited_on',
  'suspended_on',
  'external_id',
  'team_member_id',
  'given_name',
  'surname',
  'membership_type',
  'email_verified',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export type CsvPreset = 'member_report' | 'pending_invites' | 'suspended' | 'admins';

export interface ExportCsvArg {
  /**
   * Exactly these members in this order (the current view), or the whole synced
   * team: with removed members or without, as the directory shows it (absent:
   * the last sync as it is).
   */
  scope: { kind: 'team'; includeRemoved?: boolean } | { kind: 'members'; ids: string[] };
  columns: CsvColumn[];
  /** Used for the suggested file name. */
  preset?: CsvPreset;
}

export type ExportCsvResult =
  | { kind: 'saved'; rows: number; bytes: number; fileName: string }
  | { kind: 'download'; rows: number; url: string; fileName: string }
  | { kind: 'cancelled' };

/** Errors cross the boundary as data: a tag to match on and a sentence for people. */
export interface AppErrorInfo {
  code: string;
  message: string;
  /** Dropbox error tag, when the error came from Dropbox. */
  dropboxTag?: string;
}

export interface Api {
  getAppInfo(): Promise<AppInfo>;
  listConnections(): Promise<ConnectionSummary[]>;
  getActiveConnection(): Promise<ConnectionSummary | null>;
  /** The cached directory, syncing first when there is none yet. */
  getDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot>;
  /** Syncs again from Dropbox (progress arrives as directory.sync events). */
  refreshDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot>;
  getMemberDetail(arg: { memberId: string }): Promise<MemberDetail>;
  exportMembersCsv(arg: ExportCsvArg): Promise<ExportCsvResult>;

  // Connections (several teams; the sandbox team is always one of them).
  getConnectGuide(): Promise<ConnectGuide>;
  /** Begins OAuth 2 PKCE; a loopback attempt ends with a connect.result event. */
  startConnect(arg: StartConnectArg): Promise<ConnectAttempt>;
  /** Paste fallback: the code Dropbox showed. Resolves with the new (or re-authorised) connection. */
  completeConnect(arg: { attemptId: string; code: string }): Promise<ConnectionSummary>;
  cancelConnect(arg: { attemptId: string }): Promise<void>;
  switchConnection(arg: { connectionId: string }): Promise<ConnectionSummary>;
  renameConnection(arg: { connectionId: string; label: string }): Promise<ConnectionSummary>;
  /** Revokes the token at Dropbox and forgets it. The sandbox team cannot be disconnected. */
  disconnect(arg: { connectionId: string }): Promise<void>;
}

export type ApiMethod = keyof Api;

/** Every method name; transports refuse anything else. */
export const API_METHODS = [
  'getAppInfo',
  'listConnections',
  'getActiveConnection',
  'getDirectory',
  'refreshDirectory',
  'getMemberDetail',
  'exportMembersCsv',
  'getConnectGuide',
  'startConnect',
  'completeConnect',
  'cancelConnect',
  'switchConnection',
  'renameConnection',
  'disconnect',
] as const satisfies readonly ApiMethod[];

export type AppEvent =
  | {
      type: 'directory.sync';
      connectionId: string;
      phase: 'started' | 'progress' | 'done' | 'error';
      /** Members received so far. */
      loaded: number;
      error?: AppErrorInfo;
    }
  | { type: 'connection.state'; connection: ConnectionSummary }
  /** The active connection changed (switch, connect, disconnect): reload what is shown. */
  | { type: 'connection.active'; connection: ConnectionSummary }
  | { type: 'connect.result'; attemptId: string; ok: true; connection: ConnectionSummary }
  | { type: 'connect.result'; attemptId: string; ok: false; error: AppErrorInfo };

/** What window.teamkeeper is: the Api plus an event subscription. */
export interface TeamkeeperBridge extends Api {
  /** Returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
}
