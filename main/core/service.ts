import type { Api, AppInfo } from '../../preload/contract.js';
import { mergeUnique } from '../../preload/contract/merge-unique.js';
import type { RunningSandbox } from '../sandbox/index.js';
import { auditHandlers } from './api/audit.js';
import { connectionsHandlers } from './api/connections.js';
import { directoryHandlers } from './api/directory.js';
import { jobsHandlers } from './api/jobs.js';
import { reportsHandlers } from './api/reports.js';
import { ConnectFlow } from './auth/connect-flow.js';
import type { ProbeOptions } from './auth/connection.js';
import { Connections } from './auth/connections.js';
import type { Opener } from './auth/opener.js';
import { DEFAULT_OAUTH_PORT } from './auth/pkce.js';
import { reauthTarget } from './auth/reauth-target.js';
import { sandboxFileUsage, startSandboxTeam, type SandboxTeamOptions } from './auth/sandbox-team.js';
import type { SecretStore } from './auth/secret-store.js';
import { noSavedSignInReason } from './auth/sign-in.js';
import type { ClientOptions } from './dropbox/client.js';
import { EventHub, type CoreEvents, type EventListener } from './events.js';
import type { ExportSink } from './reports/export-sink.js';
import type { SettingsStore } from './settings/settings.js';
import { Team } from './team/team.js';
import { Teams } from './team/teams.js';

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
  /** For tests: items of one job in flight at once. */
  jobConcurrency?: number;
  /** For tests: the clock that dates export file names. */
  now?: () => Date;
}

/** Joins the capabilities' handler objects into the Api, refusing a method name two of them define. */
export function combineHandlers<T extends readonly object[]>(...groups: T) {
  return mergeUnique('handler objects', ...groups);
}

// The Api methods are the handler objects' own, copied onto the instance in init().
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging, @typescript-eslint/no-empty-object-type
export interface TeamkeeperService extends Api {}

/**
 * The composition root, wiring only: builds the core's modules, hands them to
 * one handler object per capability (core/api/) and serves their union as
 * the Api both transports call. The sandbox team is always one of the
 * connections; at start the app shows the team it showed last.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class TeamkeeperService implements CoreEvents {
  readonly events = new EventHub();
  private sandbox!: RunningSandbox;
  private connections!: Connections;
  private connect!: ConnectFlow;
  private teams!: Teams;

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

  onEvent(listener: EventListener): () => void {
    return this.events.onEvent(listener);
  }

  async close(): Promise<void> {
    this.connect.close();
    this.connections.close();
    // Running jobs stop before the sandbox does, so what was sent gets its answer.
    await this.teams.close();
    await this.sandbox.close();
  }

  private async init(): Promise<void> {
    const o = this.options;
    const { events } = this;
    const sandbox = (this.sandbox = await startSandboxTeam(o.dataDir, o.sandbox));
    const connections = (this.connections = new Connections({
      settings: o.settings,
      secrets: o.secrets,
      events,
      sandbox,
      dropboxUrl: o.dropboxUrl,
      client: o.client,
      probe: o.probe,
      noSavedSignIn: noSavedSignInReason(o.secretsPersist ?? true, o.mode),
      onDisconnect: (id) => this.teams.disconnect(id),
    }));
    const connect = (this.connect = new ConnectFlow({
      events,
      oauthPort: o.oauthPort ?? DEFAULT_OAUTH_PORT,
      dropboxUrl: o.dropboxUrl,
      opener: o.opener,
      client: o.client,
      checkTarget: (id) => reauthTarget(connections, id),
      adopt: (client, appKey, facts) => connections.adopt(client, appKey, facts),
    }));
    const teams = (this.teams = new Teams(
      (c) =>
        new Team({
          connectionId: c.id,
          client: c.client,
          events,
          dataDir: o.dataDir,
          fileUsage: c.record.kind === 'sandbox' ? sandboxFileUsage(sandbox) : undefined,
          jobConcurrency: o.jobConcurrency,
        }),
    ));
    // The team shown now, once it has opened; refuses while it needs signing in again.
    const activeTeam = async () => teams.of(await connections.active.ready());
    const now = () => o.now?.() ?? new Date();
    Object.assign(
      this,
      combineHandlers(
        connectionsHandlers({ app: o, secrets: o.secrets, connections, connect }),
        directoryHandlers(activeTeam),
        reportsHandlers({ activeTeam, exportSink: o.exportSink, now }),
        jobsHandlers({ activeTeam, openTeams: () => teams.open(), exportSink: o.exportSink }),
        auditHandlers({ activeTeam, exportSink: o.exportSink, now }),
      ),
    );
    await connections.start(o.preferSandbox ?? false);
  }
}
