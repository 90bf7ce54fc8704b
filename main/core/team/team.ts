import type { DropboxClient } from '../dropbox/client.js';
import { Directory } from '../directory/directory.js';
import type { EventHub } from '../events.js';

/** How many files (and bytes) a member holds, where the team can tell (the sandbox); undefined for unknown members. */
export type FileUsageLookup = (memberId: string) => { files: number; bytes: number } | undefined;

export interface TeamOptions {
  connectionId: string;
  client: DropboxClient;
  events: EventHub;
  fileUsage?: FileUsageLookup;
}

/**
 * Everything one connected team has: its Dropbox client and its directory
 * (and, as they arrive, its jobs, groups and audit log). auth/ decides whether
 * the team can be reached; a Team is what the handlers work on once it can.
 * A new capability adds its part here, built from the same options.
 */
export class Team {
  readonly connectionId: string;
  readonly client: DropboxClient;
  readonly directory: Directory;
  readonly fileUsage?: FileUsageLookup;

  constructor(options: TeamOptions) {
    this.connectionId = options.connectionId;
    this.client = options.client;
    this.fileUsage = options.fileUsage;
    this.directory = new Directory(options.connectionId, options.client, options.events);
  }
}
