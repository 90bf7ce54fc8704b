import { randomUUID } from 'node:crypto';
import { withoutRemovedVersion, type DirectoryDelta, type DirectorySnapshot, type DirectoryUpdate, type MemberRow, type NamedRef } from '../../../preload/contract.js';
import type { DropboxClient } from '../dropbox/client.js';
import { toAppError } from '../dropbox/errors.js';
import type { EventHub } from '../events.js';
import { directoryDelta, positionsOf, RunningDiff, type Positions } from './delta.js';
import { toMemberRow } from './member-row.js';
import { listAllGroups, listAllMembers, listRoles } from './sync.js';

/**
 * directory.sync progress at most this often (the first page's at once): the
 * renderer shows ten counts a second, and every event wakes the browser while
 * the sync needs the CPU.
 */
export const SYNC_PROGRESS_EVERY_MS = 100;

/** The snapshot without removed members, as a version of its own. */
function narrowed(s: DirectorySnapshot): DirectorySnapshot {
  return { ...s, version: withoutRemovedVersion(s.version), includeRemoved: false, members: s.members.filter((m) => m.status !== 'removed') };
}

/**
 * The member directory of one connection: the last synced snapshot and the
 * sync that refreshes it. Concurrent requests for the same sync share it.
 * Every snapshot has a version; after a sync the change from the previous
 * one goes out as a directory.delta event.
 */
export class Directory {
  private snapshot: DirectorySnapshot | null = null;
  /** Where each member of the snapshot sits in its members array. */
  private positions: Positions = new Map();
  private running = new Map<boolean, Promise<DirectorySnapshot>>();
  /** Versions from another run (a restarted host) never match ours. */
  private readonly run = randomUUID().slice(0, 8);
  private syncs = 0;
  /** The change the last sync made, kept so the caller that asked for it is not diffed twice. */
  private lastDelta: DirectoryDelta | null = null;
  /**
   * Rows applyMemberChanges re-read while a sync was running, stamped: a
   * sync's listing may have been read before a job's change and arrive after
   * it, so rows re-read after that sync started win over the listing's copy.
   */
  private readonly rereads = new Map<string, { stamp: number; row: MemberRow | null }>();
  private stamp = 0;
  /** The stamp at which each running sync started. */
  private syncStarts: number[] = [];

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
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.snapshot?.members[at];
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

  /**
   * Re-reads these members (members/get_info_v2) after a change and updates
   * the snapshot in place of a full sync. Says which members were upserted
   * and which left the snapshot (unknown now, or removed while the snapshot
   * leaves removed members out), so the change can be sent as a delta.
   */
  async applyMemberChanges(ids: readonly string[]): Promise<{ upserted: string[]; removed: string[] }> {
    const upserted: string[] = [];
    const removed: string[] = [];
    // With no snapshot yet, a running first sync still needs to hear of the change.
    if (ids.length === 0 || (!this.snapshot && this.syncStarts.length === 0)) return { upserted, removed };
    const fresh = new Map<string, MemberRow | null>();
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100);
      const r = await this.client.call('team/members/get_info_v2', 'read', (dbx, o) => dbx.teamMembersGetInfoV2({ members: chunk.map((id) => ({ '.tag': 'team_member_id' as const, team_member_id: id })) }, o));
      r.members_info.forEach((item, k) => fresh.set(chunk[k], item['.tag'] === 'member_info' ? toMemberRow(item) : null));
    }
    const stamp = ++this.stamp;
    if (this.syncStarts.length > 0) for (const [id, row] of fresh) this.rereads.set(id, { stamp, row });
    const s = this.snapshot;
    if (!s) return { upserted, removed };
    const keep = (row: MemberRow | null): row is MemberRow => row !== null && (s.includeRemoved || row.status !== 'removed');
    // Changed members keep their place; new ones (an invite) go at the end.
    const members: MemberRow[] = [];
    for (const m of s.members) {
      const row = fresh.has(m.id) ? fresh.get(m.id)! : m;
      if (keep(row)) members.push(row);
    }
    let added = false;
    for (const [id, row] of fresh) {
      const known = this.positions.has(id);
      if (keep(row)) {
        if (!known) members.push(row);
        added ||= !known;
        upserted.push(id);
      } else if (known) {
        removed.push(id);
      }
    }
    // Members only changed in place keep their positions.
    if (added || removed.length > 0) this.positions = positionsOf(members);
    // A new version, sent as a delta like a sync's, so the renderer patches its one copy.
    const after: DirectorySnapshot = { ...s, members, version: `${this.run}.${++this.syncs}`, syncedAt: new Date().toISOString() };
    this.snapshot = after;
    this.lastDelta = {
      connectionId: s.connectionId,
      from: s.version,
      to: after.version,
      syncedAt: after.syncedAt,
      includeRemoved: s.includeRemoved,
      upserted: upserted.map((id) => fresh.get(id)!),
      removed,
    };
    this.events.emit({ type: 'directory.delta', ...this.lastDelta });
    return { upserted, removed };
  }

  private async sync(includeRemoved: boolean): Promise<DirectorySnapshot> {
    const { connectionId } = this;
    this.events.emit({ type: 'directory.sync', connectionId, phase: 'started', loaded: 0 });
    let loaded = 0;
    let progressAt = -Infinity;
    const startedAt = this.stamp;
    this.syncStarts.push(startedAt);
    // Diffed page by page against the snapshot held now, so the delta is ready with the last page.
    const start = this.snapshot;
    const previous = this.view(includeRemoved);
    // A narrowed view has positions of its own.
    const diff = previous ? new RunningDiff(previous, previous === start ? this.positions : positionsOf(previous.members)) : null;
    try {
      // Roles and groups are small: fetched beside the member pages, not after them.
      const [listing, roles, groups] = await Promise.all([
        listAllMembers(this.client, includeRemoved, (rows, n) => {
          loaded = n;
          const now = performance.now();
          if (now - progressAt >= SYNC_PROGRESS_EVERY_MS) {
            progressAt = now;
            this.events.emit({ type: 'directory.sync', connectionId, phase: 'progress', loaded: n });
          }
          return diff?.add(rows);
        }),
        listRoles(this.client),
        listAllGroups(this.client),
      ]);
      const snapshot: DirectorySnapshot = {
        connectionId,
        version: `${this.run}.${++this.syncs}`,
        syncedAt: new Date().toISOString(),
        includeRemoved,
        members: this.withRereads(listing.members, startedAt, includeRemoved),
        groups,
        roles: roles ?? [...listing.rolesSeen].map(([id, name]) => ({ id, name })),
      };
      // The running diff holds only when nothing changed members while the listing ran.
      if (diff && this.snapshot === start && snapshot.members === listing.members) {
        this.lastDelta = diff.finish(snapshot);
        this.positions = diff.positionsAfter(snapshot);
      } else {
        // The snapshot changed during the listing (a member change, the other sync): diff against it now.
        const now = this.view(includeRemoved);
        this.lastDelta = now ? directoryDelta(now, snapshot) : null;
        this.positions = positionsOf(snapshot.members);
      }
      this.snapshot = snapshot;
      if (this.lastDelta) this.events.emit({ type: 'directory.delta', ...this.lastDelta });
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'done', loaded });
      return snapshot;
    } catch (err) {
      const error = toAppError(err);
      this.events.emit({ type: 'directory.sync', connectionId, phase: 'error', loaded, error: error.toInfo() });
      throw error;
    } finally {
      this.syncEnded(startedAt);
    }
  }

  /** The listing with the rows re-read since the sync started in place of its copies (gone when the re-read found them gone). */
  private withRereads(listed: MemberRow[], startedAt: number, includeRemoved: boolean): MemberRow[] {
    const newer = new Map<string, MemberRow | null>();
    for (const [id, r] of this.rereads) if (r.stamp > startedAt) newer.set(id, r.row);
    if (newer.size === 0) return listed;
    const keep = (row: MemberRow | null): row is MemberRow => row !== null && (includeRemoved || row.status !== 'removed');
    const members: MemberRow[] = [];
    for (const m of listed) {
      if (!newer.has(m.id)) members.push(m);
      else {
        const row = newer.get(m.id)!;
        newer.delete(m.id);
        if (keep(row)) members.push(row);
      }
    }
    // Members the listing did not have yet (an invite sent while it ran) go at the end.
    for (const row of newer.values()) if (keep(row)) members.push(row);
    return members;
  }

  /** Re-read rows are kept only as long as a sync that started before them runs. */
  private syncEnded(startedAt: number): void {
    this.syncStarts.splice(this.syncStarts.indexOf(startedAt), 1);
    const oldest = Math.min(...this.syncStarts);
    for (const [id, r] of this.rereads) if (r.stamp <= oldest) this.rereads.delete(id);
  }
}
