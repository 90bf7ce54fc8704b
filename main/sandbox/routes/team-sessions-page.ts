import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readCursor, signCursor } from './cursor.js';
import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/** Members (with something to show) per page of the team-wide session listings. */
export const MEMBERS_PER_SESSIONS_PAGE = 100;

/** An optional cursor; Dropbox decodes null as absent. */
export const optionalCursor = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

/**
 * A random tag per team store: a reset (POST /__sandbox/reset) makes a new
 * store, and a cursor from before it points into a team that is gone.
 */
const epochs = new WeakMap<TeamStore, string>();

function epochOf(store: TeamStore): string {
  let e = epochs.get(store);
  if (!e) {
    e = randomBytes(6).toString('base64url');
    epochs.set(store, e);
  }
  return e;
}

interface PageState {
  /** The store the cursor was minted for. */
  e: string;
  /** Index in the member list where the next page starts. */
  i: number;
}

export interface MembersPage<T> {
  items: T[];
  has_more: boolean;
  cursor?: string;
}

/**
 * One page of a team-wide listing, one entry per member for whom `entry`
 * returns something, in member-list order (new members are appended, so a
 * listing in progress neither repeats nor skips anyone). A cursor that is
 * not ours, from another listing, or from before a reset answers `reset`.
 */
export function membersPage<T>(store: TeamStore, kind: string, cursor: string | undefined, entry: (m: Member) => T | undefined): MembersPage<T> {
  const members = store.state.members;
  let start = 0;
  if (cursor !== undefined) {
    let state: PageState;
    try {
      state = readCursor<PageState>(kind, cursor);
    } catch {
      throw new RouteError('reset');
    }
    if (state.e !== epochOf(store) || !Number.isInteger(state.i) || state.i < 0 || state.i > members.length) throw new RouteError('reset');
    start = state.i;
  }
  const items: T[] = [];
  let i = start;
  for (; i < members.length && items.length < MEMBERS_PER_SESSIONS_PAGE; i++) {
    const item = entry(members[i]);
    if (item !== undefined) items.push(item);
  }
  // Look ahead so has_more is exact: no empty last page.
  while (i < members.length && entry(members[i]) === undefined) i++;
  if (i >= members.length) return { items, has_more: false };
  return { items, has_more: true, cursor: signCursor(kind, { e: epochOf(store), i } satisfies PageState) };
}
