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
import { Connection } from './auth/connection.js';
import { LOOPBACK_REDIRECT_URI } from './auth/pkce.js';
import { APP_SCOPES } from './auth/scopes.js';
import { sandboxConnection, SANDBOX_CONNECTION_ID, SANDBOX_LABEL, startSandboxTeam, type SandboxTeamOptions } from './auth/sandbox-team.js';
import type { SecretStore } from './auth/secret-store.js';
import { memberDetail } from './directory/member-detail.js';
import { toAppError } from './dropbox/errors.js';
import { AppError } from './errors.js';
import { EventHub } from './events.js';
import { memberCsv, membersToExport } from './reports/export-members.js';
import type { ExportSink } from './reports/export-sink.js';
import type { ConnectionRecord, SettingsStore } from './settings/settings.js';

export interface ServiceOptions {
  mode: AppInfo['mode'];
  version: string;
  /** Settings, sandbox state, journals and the audit log live here. */
  dataDir: string;
  secrets: SecretStore;
  settings: SettingsStore;
  exportSink: ExportSink;
  /** Options for the built-in sandbox team (port, size, latency…). */
  sandbox?: SandboxTeamOptions;
  /** For tests: the clock that dates export file names. */
  now?: () => Date;
}

/**
 * The composition root: builds the core's modules and implements the Api
 * both transports serve. With no team connected it opens the built-in
 * sandbox team.
 */
export class TeamkeeperService implements Api {
  readonly events = new EventHub();
  private sandbox?: RunningSandbox;
  private active?: Connection;
  private connectFailure?: AppError;

  private constructor(private readonly options: ServiceOptions) {}

  static async start(options: ServiceOptions): Promise<TeamkeeperService> {
    const service = new TeamkeeperService(options);
    await service.openSandboxTeam();
    return service;
  }

  /** Base URL of the in-process sandbox (printed as SANDBOX_URL in browser mode). */
  get sandboxUrl(): string | undefined {
    return this.sandbox?.url;
  }

  /** The running emulator itself, for tests and benchmarks that inspect or drive it. */
  get sandboxTeam(): RunningSandbox | undefined {
    return this.sandbox;
  }

  onEvent(listener: (event: AppEvent) => void): () => void {
    return this.events.on(listener);
  }

  async close(): Promise<void> {
    await this.sandbox?.close();
    this.sandbox = undefined;
  }

  // --- Api -------------------------------------------------------------------

  async getAppInfo(): Promise<AppInfo> {
    return { version: this.options.version, mode: this.options.mode };
  }

  async listConnections(): Promise<ConnectionSummary[]> {
    return this.active ? [this.active.summary()] : [];
  }

  async getActiveConnection(): Promise<ConnectionSummary | null> {
    return this.active?.summary() ?? null;
  }

  getDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot> {
    return this.connection().directory.get(arg.includeRemoved);
  }

  refreshDirectory(arg: { includeRemoved: boolean }): Promise<DirectorySnapshot> {
    return this.connection().directory.refresh(arg.includeRemoved);
  }

  getMemberDetail(arg: { memberId: string }): Promise<MemberDetail> {
    const c = this.connection();
    return memberDetail({ dbx: c.client.dbx, groups: c.directory.names().groups, fileUsage: c.fileUsage }, arg.memberId);
  }

  async exportMembersCsv(arg: ExportCsvArg): Promise<ExportCsvResult> {
    const { directory } = this.connection();
    const snapshot = directory.current() ?? (await directory.get(false));
    const members = membersToExport(snapshot, (id) => directory.member(id), arg);
    const now = this.options.now?.() ?? new Date();
    return this.options.exportSink.deliver(memberCsv(snapshot, members, arg, now));
  }

  async getConnectGuide(): Promise<ConnectGuide> {
    return { redirectUri: LOOPBACK_REDIRECT_URI, scopes: [...APP_SCOPES] };
  }

  async startConnect(_arg: StartConnectArg): Promise<ConnectAttempt> {
    throw new AppError('not_supported', 'Connecting a Dropbox team is not available yet.');
  }

  async completeConnect(_arg: { attemptId: string; code: string }): Promise<ConnectionSummary> {
    throw new AppError('not_supported', 'Connecting a Dropbox team is not available yet.');
  }

  async cancelConnect(_arg: { attemptId: string }): Promise<void> {}

  async switchConnection(arg: { connectionId: string }): Promise<ConnectionSummary> {
    if (this.active?.id !== arg.connectionId) throw new AppError('unknown_connection', 'There is no such connection.');
    return this.active.summary();
  }

  async renameConnection(_arg: { connectionId: string; label: string }): Promise<ConnectionSummary> {
    throw new AppError('not_supported', 'Renaming a connection is not available yet.');
  }

  async disconnect(_arg: { connectionId: string }): Promise<void> {
    throw new AppError('sandbox_permanent', 'The sandbox team is always available and cannot be disconnected.');
  }

  // --- connections -------------------------------------------------------------

  private connection(): Connection {
    if (this.active?.state === 'connected') return this.active;
    throw this.connectFailure ?? new AppError('not_connected', 'No team is connected yet.');
  }

  private sandboxRecord(): ConnectionRecord {
    const settings = this.options.settings.read();
    const existing = settings.connections.find((c) => c.id === SANDBOX_CONNECTION_ID);
    if (existing) return existing;
    const record: ConnectionRecord = { id: SANDBOX_CONNECTION_ID, kind: 'sandbox', label: SANDBOX_LABEL };
    this.options.settings.write({ ...settings, connections: [...settings.connections, record], activeConnectionId: settings.activeConnectionId ?? record.id });
    return record;
  }

  private async openSandboxTeam(): Promise<void> {
    const { dataDir, secrets, sandbox } = this.options;
    this.sandbox = await startSandboxTeam(dataDir, sandbox);
    this.active = sandboxConnection(this.sandbox, this.sandboxRecord(), secrets, this.events);
    try {
      await this.active.open();
    } catch (err) {
      // The app still opens and shows why; every team call answers with this error.
      this.connectFailure = toAppError(err);
    }
  }
}
