import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { readCursor, signCursor } from './cursor.js';
import type { TeamStore } from '../model/team-store.js';
import { argSchema } from '../spec/arg-schema.js';

const CURSOR_KIND = 'members/list_v2';

interface CursorState {
  /** Position in the member array. */
  o: number;
  l: number;
  r: boolean;
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
  return { members, cursor: signCursor(CURSOR_KIND, { o: i, l: limit, r: includeRemoved } satisfies CursorState), has_more: i < all.length };
}

/** Straight from the spec: limit 1..1000 defaulting to 1000, include_removed defaulting to false. */
const listArg = argSchema<Required<team.MembersListArg>>('team', 'MembersListArg');

export const membersListRoutes = [
  route<Required<team.MembersListArg>, team.MembersListV2Result>({
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
      const c = readCursor<CursorState>(CURSOR_KIND, arg.cursor);
      return page(store, c.o, c.l, c.r);
    },
  }),
];
