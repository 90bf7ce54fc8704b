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

/**
 * The diff from `before` built while the next listing comes in, page by page,
 * so that when the last page arrives only that page is left to compare.
 * `lookup` finds a member of `before` by id.
 */
export class RunningDiff {
  /** The listing so far by id: the new snapshot's index, built on the way. */
  readonly byId = new Map<string, MemberRow>();
  private readonly upserted: MemberRow[] = [];
  private matched = 0;

  constructor(
    private readonly before: DirectorySnapshot,
    private readonly lookup: (id: string) => MemberRow | undefined,
  ) {}

  /**
   * The next rows of the listing, in listing order. Answers the rows to keep:
   * an unchanged member is its row from `before`, so the fresh copy dies young
   * and the long-lived rows are not replaced at every refresh (a cheaper
   * garbage collection than retiring 50,000 rows that had grown old).
   */
  add(rows: readonly MemberRow[]): MemberRow[] {
    const keep = new Array<MemberRow>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const m = rows[i];
      keep[i] = m;
      // A member listed twice is compared once: `matched` must count members of `before`, not rows.
      const earlier = this.byId.get(m.id);
      this.byId.set(m.id, m);
      if (earlier) {
        if (!sameRow(earlier, m)) this.upserted.push(m);
        continue;
      }
      const was = this.lookup(m.id);
      if (!was) {
        this.upserted.push(m);
        continue;
      }
      this.matched++;
      if (!sameRow(was, m)) this.upserted.push(m);
      else {
        keep[i] = was;
        this.byId.set(m.id, was);
      }
    }
    return keep;
  }

  /** What turns `before` into `after`, once every row of `after` went through add(). */
  finish(after: DirectorySnapshot): DirectoryDelta {
    const { before } = this;
    // Every member of `before` listed again: nobody left (the usual case, with no second pass).
    const removed = this.matched === before.members.length ? [] : before.members.filter((m) => !this.byId.has(m.id)).map((m) => m.id);
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
  const old = new Map(before.members.map((m) => [m.id, m]));
  const diff = new RunningDiff(before, (id) => old.get(id));
  diff.add(after.members);
  return diff.finish(after);
}
