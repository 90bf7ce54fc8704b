import type { team } from 'dropbox';
import { z } from 'zod';
import { createHmac, randomBytes } from 'node:crypto';
import { route } from './route.js';
import { RouteError } from '../http/errors.js';
import type { TeamStore } from '../model/team-store.js';

/**
 * Cursors are opaque, signed and bound to this sandbox process: a tampered,
 * foreign or stale (pre-restart) cursor answers invalid_cursor like Dropbox.
 */
const CURSOR_KEY = randomBytes(32);

interface CursorState {
  /** Position in the member array. */
  o: number;
  l: number;
  r: boolean;
}

function encodeCursor(c: CursorState): string {
  const body = Buffer.from(JSON.stringify(c)).toString('base64url');
  const mac = createHmac('sha256', CURSOR_KEY).update(body).digest('base64url').slice(0, 22);
  return `${body}.${mac}`;
}

function decodeCursor(cursor: string): CursorState {
  const [body, mac] = cursor.split('.');
  if (!body || !mac || createHmac('sha256', CURSOR_KEY).update(body).digest('base64url').slice(0, 22) !== mac) {
    throw new RouteError('invalid_cursor');
  }
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorState;
}

/** One page from position `from`, skipping removed members unless asked for. */
function page(store: TeamStore, from: number, limit: number, includeRemoved: boolean): team.MembersListV2Result {
  const all = store.state.members;
  const members: team.TeamMemberInfoV2[] = [];
  let i = from;
  for (; i < all.length && members.length < limit; i++) {
    const m = all[i];
    if (!includeRemoved && m.status === 'removed') continue;
    members.push(store.memberInfoV2(m));
  }
  if (!includeRemoved) while (i < all.length && all[i].status === 'removed') i++;
  return { members, cursor: encodeCursor({ o: i, l: limit, r: includeRemoved }), has_more: i < all.length };
}

const listArg = z.strictObject({
  limit: z.number().int().min(1).max(1000).default(1000),
  include_removed: z.boolean().default(false),
});

export const membersListRoutes = [
  route<z.infer<typeof listArg>, team.MembersListV2Result>({
    path: 'team/members/list_v2',
    scope: 'members.read',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      return page(store, 0, arg.limit, arg.include_removed);
    },
  }),
  route<{ cursor: string }, team.MembersListV2Result>({
    path: 'team/members/list/continue_v2',
    scope: 'members.read',
    write: false,
    schema: z.strictObject({ cursor: z.string() }),
    handle({ store }, arg) {
      const c = decodeCursor(arg.cursor);
      return page(store, c.o, c.l, c.r);
    },
  }),
];
