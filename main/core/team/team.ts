import { memberActionKinds } from '../actions/index.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { DropboxClient } from '../dropbox/client.js';
import { Directory } from '../directory/directory.js';
import type { EventHub } from '../events.js';
import { Jobs } from '../jobs/jobs.js';

/** How long a disconnect waits for the answers to writes already sent before cutting them off (they are then checked on resume). */
const DISCONNECT_GRACE_MS = 10_000;

/** How many files (and bytes) a member holds, where the team can tell (the sandbox); undefined for unknown members. */
export type FileUsageLookup = (memberId: string) => { files: number; bytes: number } | undefined;

export interface TeamOptions {
  connectionId: string;
  client: DropboxClient;
  events: EventHub;
  /** Where the team's job journals and audit log live. */
  dataDir: string;
  fileUsage?: FileUsageLookup;
  /** For tests: items of one job in flight at once. */
  jobConcurrency?: number;
}

/**
 * Everything one connected team has: its Dropbox client, its directory, its
 * jobs and their audit log (and, as they arrive, its groups). auth/ decides
 * whether the team can be reached; a Team is what the handlers work on once
 * it can. A new capability adds its part here, built from the same options.
 */
export class Team {
  readonly connectionId: string;
  readonly client: DropboxClient;
  readonly directory: Directory;
  readonly fileUsage?: FileUsageLookup;
  /**
   * Jobs and the audit log are kept under the connection id, which stays the
   * same for a team across sign-ins and restarts (the sandbox's, or
   * dbx-<team id>): a job interrupted by a restart is listed again here.
   */
  readonly jobs: Jobs;
  readonly audit: AuditLog;

  constructor(options: TeamOptions) {
    this.connectionId = options.connectionId;
    this.client = options.client;
    this.fileUsage = options.fileUsage;
    const { events, connectionId } = options;
    this.directory = new Directory(connectionId, options.client, events);
    this.jobs = new Jobs({
      client: options.client,
      directory: this.directory,
      dataDir: options.dataDir,
      teamId: connectionId,
      kinds: memberActionKinds(),
      concurrency: options.jobConcurrency,
      onListenerError: (err) => console.error('Teamkeeper: a job event listener failed:', err),
    });
    this.audit = this.jobs.auditLog;
    this.jobs.on((e) => events.emit({ ...e, connectionId }));
  }

  /** Stops running jobs (what was sent finishes or is left in doubt for the next start) and closes the files. */
  close(): Promise<void> {
    return this.jobs.close();
  }

  /** The team is being disconnected: its running jobs pause (resumable once it is connected again), then it closes. */
  disconnecting(): Promise<void> {
    return this.jobs.pauseAndClose('Paused: the team was disconnected. Connect it again, then resume the job.', DISCONNECT_GRACE_MS);
  }
}
