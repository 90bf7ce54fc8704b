import { SANDBOX_LABEL, type ConnectionSummary } from '../../../preload/contract.js';
import type { RunningSandbox } from '../../sandbox/index.js';
import { DropboxClient, type ClientOptions } from '../dropbox/client.js';
import { AppError } from '../errors.js';
import type { EventHub } from '../events.js';
import { MAX_LABEL, type ConnectionRecord, type SettingsStore } from '../settings/settings.js';
import { otherServerError, recordApiOrigin, runApiOrigin } from './api-origin.js';
import { Connection, type ProbeOptions, type TeamFacts } from './connection.js';
import { SANDBOX_CONNECTION_ID, sandboxTeamSignIn } from './sandbox-team.js';
import type { SecretStore } from './secret-store.js';
import { refreshTokenKey, savedSignIn, saveRefreshToken } from './sign-in.js';

export interface ConnectionsOptions {
  settings: SettingsStore;
  secrets: SecretStore;
  events: EventHub;
  sandbox: RunningSandbox;
  /** Where 'dropbox' connections send API and token traffic instead of api.dropboxapi.com (--dropbox-url). */
  dropboxUrl?: string;
  /** Scheduler and timeout settings for every client (tests shorten them). */
  client?: Pick<ClientOptions, 'scheduler' | 'requestTimeoutMs'>;
  probe?: ProbeOptions;
  /** Why a team has no saved sign-in after a restart (depends on where secrets live). */
  noSavedSignIn: string;
  /** Called as a team is disconnected, before its sign-in is revoked: what it holds (running jobs) stops first. */
  onDisconnect?(connectionId: string): Promise<void>;
}

/** Revoking is a courtesy to Dropbox: it must not hold up a disconnect for long. */
const REVOKE_TIMEOUT_MS = 15_000;

/**
 * Every team the app knows (the sandbox always among them) and which one is
 * shown. Records live in settings, refresh tokens in the SecretStore.
 */
export class Connections {
  private readonly all = new Map<string, Connection>();
  private current!: Connection;

  constructor(private readonly o: ConnectionsOptions) {}

  /**
   * Builds a connection for every record and opens the one to show: the last
   * active one, or the sandbox (also when asked to). The others open in the
   * background so the list shows their real state.
   */
  async start(preferSandbox: boolean): Promise<void> {
    const settings = this.o.settings.read();
    const records = settings.connections.filter((r) => r.kind === 'dropbox' && r.clientId);
    const sandboxRecord = settings.connections.find((r) => r.id === SANDBOX_CONNECTION_ID) ?? { id: SANDBOX_CONNECTION_ID, kind: 'sandbox' as const, label: SANDBOX_LABEL };
    for (const record of [sandboxRecord, ...records]) this.all.set(record.id, this.build(record));
    const wanted = preferSandbox ? SANDBOX_CONNECTION_ID : settings.activeConnectionId;
    this.current = this.all.get(wanted ?? SANDBOX_CONNECTION_ID) ?? this.all.get(SANDBOX_CONNECTION_ID)!;
    this.current.active = true;
    this.save();
    const opening = this.current.open();
    for (const c of this.all.values()) if (c !== this.current) void c.open();
    await opening;
  }

  get active(): Connection {
    return this.current;
  }

  list(): ConnectionSummary[] {
    return [...this.all.values()].map((c) => c.summary());
  }

  get(id: string): Connection {
    const c = this.all.get(id);
    if (!c) throw new AppError('unknown_connection', 'There is no such connection. It may have been disconnected.');
    return c;
  }

  /** Shows another team; a team that is not working is opened again on the way. */
  async switchTo(id: string): Promise<ConnectionSummary> {
    const next = this.get(id);
    if (next.state === 'needs_reauth' || next.state === 'offline') void next.open();
    this.makeActive(next);
    await next.settled();
    return next.summary();
  }

  rename(id: string, label: string): ConnectionSummary {
    const c = this.get(id);
    c.record = { ...c.record, label };
    this.save();
    c.announce();
    return c.summary();
  }

  /**
   * A connect attempt verified a sign-in: add the team, or give an existing
   * connection of the same team its new tokens. It becomes the active one.
   */
  async adopt(client: DropboxClient, clientId: string, facts: TeamFacts): Promise<ConnectionSummary> {
    const id = `dbx-${facts.teamId.replace(/[^A-Za-z0-9:_-]/g, '_')}`;
    const previous = this.all.get(id);
    const apiOrigin = runApiOrigin(this.o.dropboxUrl);
    const record: ConnectionRecord = previous
      ? { ...previous.record, clientId, teamId: facts.teamId, teamName: facts.teamName, apiOrigin }
      : { id, kind: 'dropbox', label: labelFor(facts.teamName), clientId, teamId: facts.teamId, teamName: facts.teamName, apiOrigin };
    await saveRefreshToken(this.o.secrets, id, client);
    previous?.close();
    const connection = new Connection({ record, client, events: this.o.events, signIn: savedSignIn(this.o.secrets, id, this.o.noSavedSignIn), probe: this.o.probe });
    this.all.set(id, connection);
    connection.adopt(facts);
    this.makeActive(connection);
    return connection.summary();
  }

  /** Revokes the sign-in at Dropbox (best effort), forgets its token and record; the sandbox stays. */
  async disconnect(id: string): Promise<void> {
    const c = this.get(id);
    if (c.record.kind === 'sandbox') throw new AppError('sandbox_permanent', 'The sandbox team is always available and cannot be disconnected.');
    // Gone from the list before the revoke is awaited: a second disconnect, or a switch to it, finds nothing.
    c.close();
    this.all.delete(id);
    if (c === this.current) this.makeActive(this.get(SANDBOX_CONNECTION_ID));
    else this.save();
    // Its jobs pause while the sign-in still works, so writes already sent get their answers.
    await this.o.onDisconnect?.(id);
    await this.revoke(c);
    // Unless the team was connected again while the revoke ran: that sign-in is a new one to keep.
    if (!this.all.has(id)) await this.o.secrets.delete(refreshTokenKey(id));
  }

  close(): void {
    for (const c of this.all.values()) c.close();
  }

  private async revoke(c: Connection): Promise<void> {
    // A sign-in made with another server is only forgotten: its token is never sent to this run's server.
    if (c.state === 'needs_reauth' || this.madeElsewhere(c.record)) return;
    try {
      if (!c.client.auth.getRefreshToken()) {
        const saved = await this.o.secrets.get(refreshTokenKey(c.id));
        if (!saved) return;
        c.client.auth.setTokens({ refreshToken: saved });
      }
      await c.client.call('auth/token/revoke', 'write', (dbx, o) => dbx.authTokenRevoke(o), { idempotent: true, signal: AbortSignal.timeout(REVOKE_TIMEOUT_MS) });
    } catch {
      // Offline or already revoked: the token is forgotten here either way, and nobody else holds it.
    }
  }

  private makeActive(next: Connection): void {
    if (this.current !== next) {
      this.current.active = false;
      next.active = true;
      this.current = next;
    }
    this.save();
    this.o.events.emit({ type: 'connection.active', connection: next.summary() });
  }

  private build(record: ConnectionRecord): Connection {
    const { sandbox, secrets, events, probe } = this.o;
    if (record.kind === 'sandbox') {
      const client = new DropboxClient({ ...this.o.client, clientId: sandbox.clientId, baseUrl: sandbox.url });
      return new Connection({ record, client, events, probe, signIn: sandboxTeamSignIn(sandbox, secrets), signsInUnattended: true });
    }
    const client = new DropboxClient({ ...this.o.client, clientId: record.clientId!, baseUrl: this.o.dropboxUrl });
    const signIn = this.madeElsewhere(record)
      ? () => Promise.reject(otherServerError(record.teamName ?? record.label, recordApiOrigin(record), runApiOrigin(this.o.dropboxUrl)))
      : savedSignIn(secrets, record.id, this.o.noSavedSignIn);
    return new Connection({ record, client, events, probe, signIn });
  }

  /** A Dropbox team signed in with another server than this run's: it stays closed and its token unused. */
  private madeElsewhere(record: ConnectionRecord): boolean {
    return record.kind === 'dropbox' && recordApiOrigin(record) !== runApiOrigin(this.o.dropboxUrl);
  }

  /** Records in list order (sandbox first) and the active id. */
  private save(): void {
    const settings = this.o.settings.read();
    this.o.settings.write({ ...settings, connections: [...this.all.values()].map((c) => c.record), activeConnectionId: this.current.id });
  }
}

/** Settings cap labels at 200 characters; a longer team name must not make saving the connection fail. */
export function labelFor(teamName: string): string {
  const name = teamName.trim() || 'Dropbox team';
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}
