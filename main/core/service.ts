import type {
  Api,
  AppEvent,
  AppInfo,
  ConnectAttempt,
  ConnectGuide,
  ConnectionSummary,
  DirectorySnapshot,
  ExportCsvArg,
  ExportCsvResult,
  MemberDetail,
  StartConnectArg,
} from '../../preload/contract.js';
import type { RunningSandbox } from '../sandbox/index.js';
import { ConnectFlow } from './auth/connect-flow.js';
import type { Connection, ProbeOptions } from './auth/connection.js';
import { Connections } from './auth/connections.js';
import type { Opener } from './auth/opener.js';
import { DEFAULT_OAUTH_PORT } from './auth/pkce.js';
import { startSandboxTeam, type SandboxTeamOptions } from './auth/sandbox-team.js';
import type { SecretStore } from './auth/secret-store.js';
import { memberDetail } from './directory/member-detail.js';
import type { ClientOptions } from './dropbox/client.js';
import { AppError } from './errors.js';
import { EventHub } from './events.js';
import { memberCsv, membersToExport } from './reports/export-members.js';
import type { ExportSink } from './reports/export-sink.js';
import type { SettingsStore } from './settings/settings.js';

export interface ServiceOptions {
  mode: AppInfo['mode'];
  version: string;
  /** Settings, sandbox state, journals and the audit log live here. */
  dataDir: string;
  secrets: SecretStore;
  /** False when secrets last only for this run (browser mode, or no OS encryption): said when a team needs signing in again. */
  secretsPersist?: boolean;
  settings: SettingsStore;
  exportSink: ExportSink;
  /** Opens the consent page in the system browser (Electron); browser mode leaves it to the renderer. */
  opener?: Opener;
  /** --dropbox-url: every 'dropbox' connection talks to this server instead of Dropbox. */
  dropboxUrl?: string;
  /** --oauth-port: port of the loopback redirect (default 53682; 0 = any free port). */
  oauthPort?: number;
  /** --sandbox: show the sandbox team at start whatever was shown last. */
  preferSandbox?: boolean;
  /** Options for the built-in sandbox team (port, size, latency…). */
  sandbox?: SandboxTeamOptions;
  /** For tests: shorter retries, timeouts and offline probes. */
  client?: Pick<ClientOptions, 'scheduler' | 'requestTimeoutMs'>;
  probe?: ProbeOptions;
  /** For tests: the clock that dates export file names. */
  now?: () => Date;
}

/**
 * The composition root: builds the core's modules and implements the Api
 * both transports serve. The sandbox team is always one of the connections;
 * at start the app shows the team it showed last.
 */
export class TeamkeeperService implements Api {
  readonly events = new EventHub();
  private sandbox!: RunningSandbox;
  private connections!: Connections;
  private connect!: ConnectFlow;

  private constructor(private readonly options: ServiceOptions) {}

  static async start(options: ServiceOptions): Promise<TeamkeeperService> {
    const service = new TeamkeeperService(options);
    await service.init();
    return service;
  }

  /** Base URL of the in-process sandbox (printed as SANDBOX_URL in browser mode). */
  get sandboxUrl(): string {
    return this.sandbox.url;
  }

  /** The running emulator itself, for tests and benchmarks that inspect or drive it. */
  get sandboxTeam(): RunningSandbox {
    return this.sandbox;
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    return this.events.on(listener);
  }

  async close(): Promise<void> {
    this.connect.close();
    this.connections.close();
    await this.sandbox.close();
  }

  // --- Api -------------------------------------------------------------------

  async getAppInfo(): Promise<AppInfo> {
    return { version: this.options.version, mode: this.options.mode, secretStorage: await this.options.secrets.storage() };
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    return this.connections.list();
  }

  async getActiveConnection(): Promise<ConnectionSummary | null> {
    return this.connections.active.summary();
  }

  async getDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot> {
    return (await this.ready()).directory.get(arg.includeRemoved);
  }

  async refreshDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot> {
    return (await this.ready()).directory.refresh(arg.includeRemoved);
  }

  async getMemberDetail(arg: { memberId: string }): Promise<MemberDetail> {
    const c = await this.ready();
    return memberDetail({ client: c.client, groups: c.directory.names().groups, fileUsage: c.fileUsage }, arg.memberId);
  }

  async exportMembersCsv(arg: ExportCsvArg): Promise<ExportCsvResult> {
    const { directory } = await this.ready();
    const { scope } = arg;
    // The core's last sync may hold removed members the view no longer shows.
    const snapshot =
      scope.kind === 'team' && scope.includeRemoved !== undefined ? await directory.get(scope.includeRemoved) : (directory.current() ?? (await directory.get(false)));
    const members = membersToExport(snapshot, (id) => directory.member(id), arg);
    const now = this.options.now?.() ?? new Date();
    return this.options.exportSink.deliver(memberCsv(snapshot, members, arg, now));
  }

  async getConnectGuide(): Promise<ConnectGuide> {
    return this.connect.guide();
  }

  startConnect(arg: StartConnectArg): Promise<ConnectAttempt> {
    return this.connect.start(arg);
  }

  completeConnect(arg: { attemptId: string; code: string }): Promise<ConnectionSummary> {
    return this.connect.complete(arg.attemptId, arg.code);
  }

  async cancelConnect(arg: { attemptId: string }): Promise<void> {
    this.connect.cancel(arg.attemptId);
  }

  switchConnection(arg: { connectionId: string }): Promise<ConnectionSummary> {
    return this.connections.switchTo(arg.connectionId);
  }

  async renameConnection(arg: { connectionId: string; label: string }): Promise<ConnectionSummary> {
    return this.connections.rename(arg.connectionId, arg.label);
  }

  disconnect(arg: { connectionId: string }): Promise<void> {
    return this.connections.disconnect(arg.connectionId);
  }

  // --- wiring -------------------------------------------------------------------

  /** The active team once it has opened; refuses while it needs signing in again. */
  private ready(): Promise<Connection> {
    return this.connections.active.ready();
  }

  private async init(): Promise<void> {
    const o = this.options;
    this.sandbox = await startSandboxTeam(o.dataDir, o.sandbox);
    const noSavedSignIn =
      o.secretsPersist === false
        ? o.mode === 'browser'
          ? 'In browser mode Teamkeeper keeps a sign-in only while it runs.'
          : 'This computer offers no safe place to keep the sign-in, so Teamkeeper kept it only while it ran.'
        : 'Teamkeeper has no saved sign-in for this team.';
    this.connections = new Connections({
      settings: o.settings,
      secrets: o.secrets,
      events: this.events,
      sandbox: this.sandbox,
      dropboxUrl: o.dropboxUrl,
      client: o.client,
      probe: o.probe,
      noSavedSignIn,
    });
    this.connect = new ConnectFlow({
      events: this.events,
      oauthPort: o.oauthPort ?? DEFAULT_OAUTH_PORT,
      dropboxUrl: o.dropboxUrl,
      opener: o.opener,
      client: o.client,
      checkTarget: (id) => {
        const c = this.connections.get(id);
        if (c.record.kind === 'sandbox') throw new AppError('sandbox_signs_in_itself', 'The sandbox team signs in by itself: switch to it to reconnect.');
        return { teamId: c.record.teamId, teamName: c.displayName };
      },
      adopt: (client, appKey, facts) => this.connections.adopt(client, appKey, facts),
    });
    await this.connections.start(o.preferSandbox ?? false);
  }
}
