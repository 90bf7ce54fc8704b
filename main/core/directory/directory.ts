import { randomUUID } from 'node:crypto';
import type { DirectoryDelta, DirectorySnapshot, DirectoryUpdate, MemberRow, NamedRef } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { toAppError } from '../dropbox/errors.js';
import type { EventHub } from '../events.js';
import { directoryDelta } from './delta.js';
import { listAllGroups, listAllMembers, listRoles } from './sync.js';

/** The snapshot without removed members, as a version of its own. */
function narrowed(s: DirectorySnapshot): DirectorySnapshot {
  return { ...s, version: `${s.version}-active`, includeRemoved: false, members: s.members.filter((m) => m.status !== 'removed') };
}

/**
 * The member directory of one connection: the last synced snapshot and the
 * sync that refreshes it. Concurrent requests for the same sync share it.
 * Every snapshot has a version; after a sync the change from the previous
 * one goes out as a directory.delta event.
 */
export class Directory {
  private snapshot: DirectorySnapshot | null = null;
  private byId = new Map<string, MemberRow>();
  private running = new Map<boolean, Promise<DirectorySnapshot>>();
  /** Versions from another run (a restarted host) never match ours. */
  private readonly run = randomUUID().slice(0, 8);
  private syncs = 0;
  /** The change the last sync made, kept so the caller that asked for it is not diffed twice. */
  private lastDelta: DirectoryDelta | null = null;

  constructor(
    private readonly connectionId: string,
    private readonly client: DropboxClient,
    private readonly events: EventHub,
  ) {}

  /** The cached snapshot (narrowed when removed members are not wanted), syncing when there is none. */
  async get(includeRemoved: boolean): Promise<DirectorySnapshot> {
    return this.view(includeRemoved) ?? this.refresh(includeRemoved);
  }

  refresh(includeRemoved: boolean): Promise<DirectorySnapshot> {
    let run = this.running.get(includeRemoved);
    if (!run) {
      run = this.sync(includeRemoved).finally(() => this.running.delete(includeRemoved));
      this.running.set(includeRemoved, run);
    }
    return run;
  }

  /** Syncs again; answers what changed since `since` when that is the version the caller holds, else everything. */
  async update(includeRemoved: boolean, since: string | null): Promise<DirectoryUpdate> {
    const before = this.view(includeRemoved);
    const after = await this.refresh(includeRemoved);
    if (!before || since !== before.version) return { kind: 'snapshot', snapshot: after };
    const d = this.lastDelta;
    return { kind: 'delta', delta: d && d.from === before.version && d.to === after.version ? d : directoryDelta(before, after) };
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

  /** The last snapshot as a caller asking for `includeRemoved` sees it, when it can. */
  private view(includeRemoved: boolean): DirectorySnapshot | null {
    const s = this.snapshot;
    if (!s) return null;
    if (s.includeRemoved === includeRemoved) return s;
    return s.includeRemoved ? narrowed(s) : null;
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
        version: `${this.run}.${++this.syncs}`,
        syncedAt: new Date().toISOString(),
        includeRemoved,
        members: listing.members,
        groups,
        roles: roles ?? [...listing.rolesSeen].map(([id, name]) => ({ id, name })),
      };
      const previous = this.view(includeRemoved);
      this.snapshot = snapshot;
      this.byId = new Map(listing.members.map((m) => [m.id, m]));
      this.lastDelta = previous ? directoryDelta(previous, snapshot) : null;
      if (this.lastDelta) this.events.emit({ type: 'directory.delta', ...this.lastDelta });
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'done', loaded });
      return snapshot;
    } catch (err) {
      const error = toAppError(err);
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'error', loaded, error: error.toInfo() });
      throw error;
    }
  }
}
