/**
 * Connections: the teams Teamkeeper knows (the sandbox team always among
 * them), which one is shown, and connecting a new one with OAuth 2 PKCE.
 */
import { z } from 'zod';
import type { AppErrorInfo } from './errors.js';
import { id, noArg, type ApiOf } from './method.js';

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

/**
 * loopback: Dropbox redirects to the app's listener on 127.0.0.1 (needs the
 * redirect URI registered). paste: Dropbox shows a code the admin pastes.
 */
export const CONNECT_MODES = ['loopback', 'paste'] as const;
export type ConnectMode = (typeof CONNECT_MODES)[number];

export interface ConnectAttempt {
  attemptId: string;
  mode: ConnectMode;
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

/** Dropbox app keys are short lowercase alphanumerics; the sandbox's is "tk-sandbox-app". */
const appKey = z.string().trim().min(1, 'Enter your app key').max(64).regex(/^[A-Za-z0-9_-]+$/, 'An app key has only letters, digits, - and _');

const startConnectArg = z.strictObject({
  /** The Dropbox app key (client id) of the admin's own "Scoped access" app. */
  appKey,
  mode: z.enum(CONNECT_MODES),
  /** Re-authorise this existing connection instead of adding a new one. */
  connectionId: id.optional(),
});
export type StartConnectArg = z.output<typeof startConnectArg>;

const connectionId = z.strictObject({ connectionId: id });

export const CONNECTIONS_ARGS = {
  getAppInfo: noArg,
  listConnections: noArg,
  getActiveConnection: noArg,
  getConnectGuide: noArg,
  /** Begins OAuth 2 PKCE; a loopback attempt ends with a connect.result event. */
  startConnect: startConnectArg,
  /** Paste fallback: the code Dropbox showed. Resolves with the new (or re-authorised) connection. */
  completeConnect: z.strictObject({ attemptId: id, code: z.string().trim().min(1, 'Paste the code Dropbox showed').max(512) }),
  cancelConnect: z.strictObject({ attemptId: id }),
  switchConnection: connectionId,
  renameConnection: z.strictObject({ connectionId: id, label: z.string().trim().min(1, 'A name cannot be empty').max(100) }),
  /** Revokes the token at Dropbox and forgets it. The sandbox team cannot be disconnected. */
  disconnect: connectionId,
};

export interface ConnectionsResults {
  getAppInfo: AppInfo;
  listConnections: ConnectionSummary[];
  getActiveConnection: ConnectionSummary | null;
  getConnectGuide: ConnectGuide;
  startConnect: ConnectAttempt;
  completeConnect: ConnectionSummary;
  cancelConnect: void;
  switchConnection: ConnectionSummary;
  renameConnection: ConnectionSummary;
  disconnect: void;
}

export type ConnectionsApi = ApiOf<typeof CONNECTIONS_ARGS, ConnectionsResults>;

export type ConnectionEvent =
  | { type: 'connection.state'; connection: ConnectionSummary }
  /** The active connection changed (switch, connect, disconnect): reload what is shown. */
  | { type: 'connection.active'; connection: ConnectionSummary }
  | { type: 'connect.result'; attemptId: string; ok: true; connection: ConnectionSummary }
  | { type: 'connect.result'; attemptId: string; ok: false; error: AppErrorInfo };
