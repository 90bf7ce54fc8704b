import type { DirectoryDelta, DirectorySnapshot, MemberRow, NamedRef } from '../../../preload/contract.js';

/** Every field of a row; the check below fails to compile when MemberRow gains one this list lacks. */
export const ROW_FIELDS = [
  'id',
  'email',
  'name',
  'givenName',
  'surname',
  'status',
  'recoverable',
  'roleIds',
  'groupIds',
  'joinedOn',
  'invitedOn',
  'suspendedOn',
  'externalId',
  'membershipType',
  'emailVerified',
] as const satisfies readonly (keyof MemberRow)[];
const everyField: Exclude<keyof MemberRow, (typeof ROW_FIELDS)[number]> extends never ? true : never = true;
void everyField;

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Field by field, without allocating: a refresh compares every member of the
 * team. Written out rather than looped over ROW_FIELDS, whose keyed reads cost
 * several times more per row; the test holds it to ROW_FIELDS field by field.
 */
export function sameRow(a: MemberRow, b: MemberRow): boolean {
  return (
    a.id === b.id &&
    a.email === b.email &&
    a.name === b.name &&
    a.givenName === b.givenName &&
    a.surname === b.surname &&
    a.status === b.status &&
    a.recoverable === b.recoverable &&
    sameIds(a.roleIds, b.roleIds) &&
    sameIds(a.groupIds, b.groupIds) &&
    a.joinedOn === b.joinedOn &&
    a.invitedOn === b.invitedOn &&
    a.suspendedOn === b.suspendedOn &&
    a.externalId === b.externalId &&
    a.membershipType === b.membershipType &&
    a.emailVerified === b.emailVerified
  );
}

function sameRefs(a: readonly NamedRef[], b: readonly NamedRef[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i].id && r.name === b[i].name);
}

/** Where each member of a snapshot sits in its members array, by id. */
export type Positions = ReadonlyMap<string, number>;

export function positionsOf(members: readonly MemberRow[]): Map<string, number> {
  const positions = new Map<string, number>();
  for (let i = 0; i < members.length; i++) positions.set(members[i].id, i);
  return positions;
}

/**
 * The diff from `before` built while the next listing comes in, page by page,
 * so that when the last page arrives only that page is left to compare.
 * `positions` are those of `before.members`.
 *
 * Dropbox lists a team in the same order every time, so each row is first
 * compared with the member of `before` that followed the last match: in the
 * usual refresh no row is looked up by id and, when the order held, the new
 * snapshot keeps the same positions without building another index.
 */
export class RunningDiff {
  /** Where in `before.members` the listing is expected to go on. */
  private next = 0;
  /** Which members of `before` the listing has had so far. */
  private readonly seen: Uint8Array;
  private matched = 0;
  private listed = 0;
  /** Every row so far was the member of `before` at the same position. */
  private inOrder = true;
  /** Rows of members `before` lacks, by id: new members, and what a second listing of one is compared with. */
  private readonly fresh = new Map<string, MemberRow>();
  /** The changed rows of members of `before`, by position: what a second listing of one is compared with. */
  private readonly changedAt = new Map<number, MemberRow>();
  private readonly upserted: MemberRow[] = [];

  constructor(
    private readonly before: DirectorySnapshot,
    private readonly positions: Positions,
  ) {
    this.seen = new Uint8Array(before.members.length);
  }

  /**
   * The next rows of the listing, in listing order. Answers the rows to keep:
   * an unchanged member is its row from `before`, so the fresh copy dies young
   * and the long-lived rows are not replaced at every refresh (a cheaper
   * garbage collection than retiring 50,000 rows that had grown old).
   */
  add(rows: readonly MemberRow[]): MemberRow[] {
    const old = this.before.members;
    const keep = new Array<MemberRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i];
      keep[i] = m;
      const at = this.next < old.length && old[this.next].id === m.id ? this.next : this.positions.get(m.id);
      if (at !== this.listed++) this.inOrder = false;
      if (at === undefined) {
        // A member `before` lacks; listed twice, it is compared with its first listing.
        const earlier = this.fresh.get(m.id);
        if (!earlier || !sameRow(earlier, m)) this.upserted.push(m);
        this.fresh.set(m.id, m);
        continue;
      }
      this.next = at + 1;
      // A member listed twice is compared once more, with what its first listing kept: `matched` counts members, not rows.
      const was = this.seen[at] ? (this.changedAt.get(at) ?? old[at]) : old[at];
      if (!this.seen[at]) {
        this.seen[at] = 1;
        this.matched++;
      }
      if (sameRow(was, m)) keep[i] = was;
      else {
        this.upserted.push(m);
        this.changedAt.set(at, m);
      }
    }
    return keep;
  }

  /** The positions of `after.members`, reusing those of `before` when the listing was the same members in the same order. */
  positionsAfter(after: DirectorySnapshot): Positions {
    const same = this.inOrder && this.listed === this.before.members.length && after.members.length === this.listed;
    return same ? this.positions : positionsOf(after.members);
  }

  /** What turns `before` into `after`, once every row of `after` went through add(). */
  finish(after: DirectorySnapshot): DirectoryDelta {
    const { before } = this;
    // Every member of `before` listed again: nobody left (the usual case, with no second pass).
    const removed = this.matched === before.members.length ? [] : before.members.filter((_, i) => !this.seen[i]).map((m) => m.id);
    const delta: DirectoryDelta = {
      connectionId: after.connectionId,
      from: before.version,
      to: after.version,
      syncedAt: after.syncedAt,
      includeRemoved: after.includeRemoved,
      upserted: this.upserted,
      removed,
    };
    if (!sameRefs(before.groups, after.groups)) delta.groups = after.groups;
    if (!sameRefs(before.roles, after.roles)) delta.roles = after.roles;
    return delta;
  }
}

/**
 * What turns `before` into `after`: the members added or changed, the ids no
 * longer there, and the groups and roles only when they changed. An unchanged
 * team of 50,000 members gives a delta of a few hundred bytes.
 */
export function directoryDelta(before: DirectorySnapshot, after: DirectorySnapshot): DirectoryDelta {
  const diff = new RunningDiff(before, positionsOf(before.members));
  diff.add(after.members);
  return diff.finish(after);
}
