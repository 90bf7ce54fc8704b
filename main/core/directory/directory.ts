import type { DirectorySnapshot, MemberRow, NamedRef } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { toAppError } from '../dropbox/errors.js';
import type { EventHub } from '../events.js';
import { listAllGroups, listAllMembers, listRoles } from './sync.js';

/**
 * The member directory of one connection: the last synced snapshot and the
 * sync that refreshes it. Concurrent requests for the same sync share it.
 */
export class Directory {
  private snapshot: DirectorySnapshot | null = null;
  private byId = new Map<string, MemberRow>();
  private running = new Map<boolean, Promise<DirectorySnapshot>>();

  constructor(
    private readonly connectionId: string,
    private readonly client: DropboxClient,
    private readonly events: EventHub,
  ) {}

  /** The cached snapshot (narrowed when removed members are not wanted), syncing when there is none. */
  async get(includeRemoved: boolean): Promise<DirectorySnapshot> {
    const s = this.snapshot;
    if (s && s.includeRemoved === includeRemoved) return s;
    if (s && s.includeRemoved && !includeRemoved) return { ...s, includeRemoved, members: s.members.filter((m) => m.status !== 'removed') };
    return this.refresh(includeRemoved);
  }

  refresh(includeRemoved: boolean): Promise<DirectorySnapshot> {
    let run = this.running.get(includeRemoved);
    if (!run) {
      run = this.sync(includeRemoved).finally(() => this.running.delete(includeRemoved));
      this.running.set(includeRemoved, run);
    }
    return run;
  }

  /** A member of the last snapshot, if any. */
  member(id: string): MemberRow | undefined {
    return this.byId.get(id);
  }

  /** Group and role names known from the last sync. */
  names(): { groups: NamedRef[]; roles: NamedRef[] } {
    return { groups: this.snapshot?.groups ?? [], roles: this.snapshot?.roles ?? [] };
  }

  current(): DirectorySnapshot | null {
    return this.snapshot;
  }

  private async sync(includeRemoved: boolean): Promise<DirectorySnapshot> {
    const { connectionId } = this;
    this.events.emit({ type: 'directory.sync', connectionId, phase: 'started', loaded: 0 });
    let loaded = 0;
    try {
      // Roles and groups are small: fetched beside the member pages, not after them.
      const [listing, roles, groups] = await Promise.all([
        listAllMembers(this.client, includeRemoved, (n) => {
          loaded = n;
          this.events.emit({ type: 'directory.sync', connectionId, phase: 'progress', loaded: n });
        }),
        listRoles(this.client),
        listAllGroups(this.client),
      ]);
      const snapshot: DirectorySnapshot = {
        connectionId,
        syncedAt: new Date().toISOString(),
        includeRemoved,
        members: listing.members,
        groups,
        roles: roles ?? [...listing.rolesSeen].map(([id, name]) => ({ id, name })),
      };
      this.snapshot = snapshot;
      this.byId = new Map(listing.members.map((m) => [m.id, m]));
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'done', loaded });
      return snapshot;
    } catch (err) {
      const error = toAppError(err);
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'error', loaded, error: error.toInfo() });
      throw error;
    }
  }
}
