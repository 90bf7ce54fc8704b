import type { team } from 'dropbox';
import type { AppErrorInfo, ConnectionState, ConnectionSummary } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { messageForTag } from '../dropbox/error-messages.js';
import { toAppError } from '../dropbox/errors.js';
import { AppError } from '../errors.js';
import type { EventHub } from '../events.js';
import type { ConnectionRecord } from '../settings/settings.js';

/** Puts tokens on the client: from the SecretStore, or (the sandbox) by signing in again. */
export type SignIn = (client: DropboxClient) => Promise<void>;

/** Back-off of the offline probe: 1 s, 2 s, 4 s … at most 30 s. */
export interface ProbeOptions {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_PROBE: ProbeOptions = { baseMs: 1000, maxMs: 30_000 };

export interface ConnectionOptions {
  record: ConnectionRecord;
  client: DropboxClient;
  events: EventHub;
  signIn: SignIn;
  probe?: ProbeOptions;
  /** The sandbox: signing in needs no admin, so a refused sign-in is followed by a new one at once. */
  signsInUnattended?: boolean;
}

/** What team/get_info and team/token/get_authenticated_admin say, as the header shows it. */
export interface TeamFacts {
  teamId: string;
  teamName: string;
  licenses: { licensed: number; provisioned: number };
  admin: { name: string; email: string };
}

function teamFacts(info: team.TeamGetInfoResult, admin: team.TokenGetAuthenticatedAdminResult): TeamFacts {
  return {
    teamId: info.team_id,
    teamName: info.name,
    licenses: { licensed: info.num_licensed_users, provisioned: info.num_provisioned_users },
    admin: { name: admin.admin_profile.name.display_name, email: admin.admin_profile.email },
  };
}

/** The two calls that prove a sign-in works and fill in the header. */
export async function fetchTeamFacts(client: DropboxClient, options: { deadlineMs?: number } = {}): Promise<TeamFacts> {
  const [info, admin] = await Promise.all([
    client.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o), options),
    client.call('team/token/get_authenticated_admin', 'read', (dbx, o) => dbx.teamTokenGetAuthenticatedAdmin(o), options),
  ]);
  return teamFacts(info, admin);
}

/**
 * One team's sign-in: its client, what we know about it, and its state
 * (what the team holds lives in team/Team).
 *
 * connecting → connected while opening; refreshing while a token refresh
 * runs; needs_reauth when Dropbox refuses the sign-in itself (only signing in
 * again helps); offline when Dropbox cannot be reached, with a background
 * probe (team/get_info, backing off to 30 s) that brings it back by itself.
 * Every change is emitted as connection.state.
 */
export class Connection {
  readonly client: DropboxClient;
  record: ConnectionRecord;
  /** The connection the app is showing; set by Connections. */
  active = false;
  private current: ConnectionState = 'connecting';
  private problemInfo: AppErrorInfo | undefined;
  private facts: Partial<TeamFacts> = {};
  private opening: Promise<void> | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private probeFailures = 0;
  private closed = false;
  private readonly events: EventHub;
  private readonly signIn: SignIn;
  private readonly probe: ProbeOptions;
  private readonly signsInUnattended: boolean;

  constructor(options: ConnectionOptions) {
    this.record = options.record;
    this.client = options.client;
    this.events = options.events;
    this.signIn = options.signIn;
    this.probe = options.probe ?? DEFAULT_PROBE;
    this.signsInUnattended = options.signsInUnattended ?? false;
    this.client.hooks = {
      onRefreshing: (running, error) => this.refreshing(running, error),
      onAuthRejected: (error) => this.rejected(error),
      onUnreachable: (error) => this.unreachable(error),
      onReachable: () => this.reachable(),
    };
  }

  get id(): string {
    return this.record.id;
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The team's name, or what the admin called the connection. */
  get displayName(): string {
    return this.facts.teamName ?? this.record.teamName ?? this.record.label;
  }

  summary(): ConnectionSummary {
    const s: ConnectionSummary = { id: this.record.id, kind: this.record.kind, label: this.record.label, state: this.current, active: this.active };
    const teamName = this.facts.teamName ?? this.record.teamName;
    if (teamName) s.teamName = teamName;
    if (this.facts.admin) s.admin = this.facts.admin;
    if (this.facts.licenses) s.licenses = this.facts.licenses;
    if (this.problemInfo) s.problem = this.problemInfo;
    return s;
  }

  /** Signs in and loads the header facts; the outcome is the state (this never rejects). */
  open(): Promise<void> {
    this.opening ??= this.runOpen().finally(() => {
      this.opening = undefined;
    });
    return this.opening;
  }

  /** Resolves when no open is running. */
  settled(): Promise<void> {
    return this.opening ?? Promise.resolve();
  }

  /** A connection whose sign-in was just verified by the connect flow. */
  adopt(facts: TeamFacts): void {
    this.facts = facts;
    this.set('connected');
  }

  /**
   * Waits for a running open, then answers whether calls can be made. Offline
   * connections are tried anyway: the call itself may find the network back.
   */
  async ready(): Promise<this> {
    if (this.opening) await this.opening;
    if (this.current === 'needs_reauth') {
      const p = this.problemInfo;
      throw new AppError(p?.code ?? 'needs_reauth', p?.message ?? `Sign in to ${this.displayName} again.`, p?.dropboxTag);
    }
    return this;
  }

  /** Emits the summary again (after a rename). */
  announce(): void {
    this.emit();
  }

  /** Stops the probe and ignores the client from now on (disconnect, shutdown). */
  close(): void {
    this.closed = true;
    this.stopProbe();
  }

  private async runOpen(): Promise<void> {
    this.stopProbe();
    this.set('connecting');
    try {
      await this.signIn(this.client);
      this.facts = await fetchTeamFacts(this.client);
      this.set('connected');
    } catch (err) {
      this.settleFailure(toAppError(err));
    }
  }

  private settleFailure(error: AppError): void {
    if (error.code === 'needs_reauth' || error.code === 'missing_scope' || error.code === 'other_server') this.needsReauth(error);
    else this.goOffline(error);
  }

  private needsReauth(error: AppError): void {
    this.stopProbe();
    const why = (error.dropboxTag ? messageForTag(error.dropboxTag) : undefined) ?? error.message;
    const ownWords = error.code === 'missing_scope' || error.code === 'other_server';
    const problem: AppErrorInfo = ownWords ? error.toInfo() : { code: 'needs_reauth', message: `Sign in to ${this.displayName} again. ${why}` };
    if (!ownWords && error.dropboxTag) problem.dropboxTag = error.dropboxTag;
    this.set('needs_reauth', problem);
  }

  private goOffline(error: AppError): void {
    this.set('offline', error.toInfo());
    this.scheduleProbe();
  }

  // --- client hooks: ignored while opening, whose outcome decides the state ----------

  private refreshing(running: boolean, error?: AppError): void {
    if (this.closed || this.opening) return;
    if (running) {
      if (this.current === 'connected') this.set('refreshing');
    } else if (this.current === 'refreshing') {
      if (error) this.settleFailure(error);
      else this.set('connected');
    }
  }

  private rejected(error: AppError): void {
    if (this.closed || this.opening) return;
    this.needsReauth(error);
    // A sign-in that fails again while opening stays needs_reauth: no loop.
    if (this.signsInUnattended) void this.open();
  }

  private unreachable(error: AppError): void {
    if (!this.closed && !this.opening && this.current !== 'needs_reauth' && this.current !== 'offline') this.goOffline(error);
  }

  private reachable(): void {
    if (this.closed || this.opening || this.current !== 'offline') return;
    this.stopProbe();
    this.set('connected');
  }

  // --- offline probe -----------------------------------------------------------------

  private scheduleProbe(): void {
    if (this.closed || this.probeTimer) return;
    const delay = Math.min(this.probe.maxMs, this.probe.baseMs * 2 ** this.probeFailures);
    this.probeTimer = setTimeout(() => void this.runProbe(), delay);
    this.probeTimer.unref();
  }

  private stopProbe(): void {
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.probeFailures = 0;
  }

  private async runProbe(): Promise<void> {
    this.probeTimer = undefined;
    if (this.closed || this.current !== 'offline') return;
    try {
      // Never signed in (offline since start): sign in first. One attempt each, the back-off is ours.
      if (!this.client.auth.getAccessToken()) await this.signIn(this.client);
      const facts = await fetchTeamFacts(this.client, { deadlineMs: 0 });
      const changed = JSON.stringify(facts) !== JSON.stringify(this.facts);
      this.facts = facts;
      this.stopProbe();
      // A successful call has usually moved the state to connected already (reachable()).
      if (this.current === 'offline') this.set('connected');
      else if (changed) this.emit();
    } catch (err) {
      if (this.closed || this.current !== 'offline') return;
      const error = toAppError(err);
      if (error.code === 'needs_reauth' || error.code === 'missing_scope') return this.needsReauth(error);
      this.probeFailures++;
      this.scheduleProbe();
    }
  }

  private set(state: ConnectionState, problem?: AppErrorInfo): void {
    if (state === this.current && JSON.stringify(problem) === JSON.stringify(this.problemInfo)) return;
    this.current = state;
    this.problemInfo = problem;
    this.emit();
  }

  private emit(): void {
    if (!this.closed) this.events.emit({ type: 'connection.state', connection: this.summary() });
  }
}
