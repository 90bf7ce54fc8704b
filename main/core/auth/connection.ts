import type { ConnectionState, ConnectionSummary } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { withRetry } from '../dropbox/retry.js';
import { toAppError } from '../dropbox/errors.js';
import type { EventHub } from '../events.js';
import { Directory } from '../directory/directory.js';
import type { ConnectionRecord } from '../settings/settings.js';

export type FileUsageLookup = (memberId: string) => { files: number; bytes: number } | undefined;

/** One signed-in team: its SDK client, what we know about the team, and its directory. */
export class Connection {
  state: ConnectionState = 'connecting';
  readonly directory: Directory;
  private teamName?: string;
  private admin?: { name: string; email: string };
  private licenses?: { licensed: number; provisioned: number };

  constructor(
    readonly record: ConnectionRecord,
    readonly client: DropboxClient,
    private readonly events: EventHub,
    /** Stored tokens or the OAuth flow; see sign-in.ts. */
    private readonly signIn: () => Promise<void>,
    /** Only the sandbox can tell how many files a member has. */
    readonly fileUsage?: FileUsageLookup,
  ) {
    this.directory = new Directory(record.id, client.dbx, events);
  }

  get id(): string {
    return this.record.id;
  }

  summary(active = true): ConnectionSummary {
    const s: ConnectionSummary = { id: this.record.id, kind: this.record.kind, label: this.record.label, state: this.state, active };
    if (this.teamName) s.teamName = this.teamName;
    if (this.admin) s.admin = this.admin;
    if (this.licenses) s.licenses = this.licenses;
    return s;
  }

  setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.emit({ type: 'connection.state', connection: this.summary() });
  }

  /**
   * Signs in, then loads what the app header shows. On failure the state says
   * whether signing in again can help.
   */
  async open(): Promise<void> {
    this.setState('connecting');
    try {
      await this.signIn();
      await this.loadTeamInfo();
      this.setState('connected');
    } catch (err) {
      this.setState(toAppError(err).code === 'auth_failed' ? 'needs_reauth' : 'offline');
      throw err;
    }
  }

  /** Team name, licenses and the signed-in admin. */
  private async loadTeamInfo(): Promise<void> {
    const { dbx } = this.client;
    const [info, admin] = await Promise.all([withRetry(() => dbx.teamGetInfo()), withRetry(() => dbx.teamTokenGetAuthenticatedAdmin())]);
    this.teamName = info.result.name;
    this.licenses = { licensed: info.result.num_licensed_users, provisioned: info.result.num_provisioned_users };
    const p = admin.result.admin_profile;
    this.admin = { name: p.name.display_name, email: p.email };
  }
}
