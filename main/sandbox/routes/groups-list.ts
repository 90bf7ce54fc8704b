import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { readCursor, signCursor } from './cursor.js';
import { groupsSelector, pageLimit } from './groups-schemas.js';
import { groupByExternalId, groupFullInfo, groupSummary } from './groups-model.js';
import type { TeamStore } from '../model/team-store.js';
import type { Group } from '../model/types.js';

const CURSOR_KIND = 'groups/list';

interface CursorState {
  /** Sort key (created, group id) of the last group returned; absent before the first page. */
  after?: SortKey;
  l: number;
}

/**
 * Pages follow (created, group id) rather than array positions, so a group
 * created or deleted between pages never makes paging skip or repeat another.
 */
type SortKey = [created: number, groupId: string];

function keyOf(g: Group): SortKey {
  return [g.created, g.groupId];
}

function compareKeys(a: SortKey, b: SortKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

function page(store: TeamStore, c: CursorState): team.GroupsListResult {
  const all = [...store.state.groups].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
  const after = c.after;
  const from = after ? all.findIndex((g) => compareKeys(keyOf(g), after) > 0) : 0;
  const slice = from < 0 ? [] : all.slice(from, from + c.l);
  const last = slice.at(-1);
  const next: CursorState = { l: c.l };
  if (last) next.after = keyOf(last);
  else if (after) next.after = after;
  return {
    groups: slice.map((g) => groupSummary(store, g)),
    cursor: signCursor(CURSOR_KIND, next),
    has_more: from >= 0 && from + slice.length < all.length,
  };
}

const listArg = z.strictObject({ limit: pageLimit }) satisfies z.ZodType<Required<team.GroupsListArg>>;
const continueArg = z.strictObject({ cursor: z.string() }) satisfies z.ZodType<team.GroupsListContinueArg>;

export const groupsListRoutes = [
  route<Required<team.GroupsListArg>, team.GroupsListResult>({
    path: 'team/groups/list',
    scope: 'groups.read',
    write: false,
    schema: listArg,
    handle({ store }, arg) {
      return page(store, { l: arg.limit });
    },
  }),
  route<team.GroupsListContinueArg, team.GroupsListResult>({
    path: 'team/groups/list/continue',
    scope: 'groups.read',
    write: false,
    schema: continueArg,
    handle({ store }, arg) {
      return page(store, readCursor<CursorState>(CURSOR_KIND, arg.cursor));
    },
  }),
  route<team.GroupsSelector, team.GroupsGetInfoResult>({
    path: 'team/groups/get_info',
    scope: 'groups.read',
    write: false,
    schema: groupsSelector satisfies z.ZodType<team.GroupsSelector>,
    handle({ store }, arg) {
      const ids = arg['.tag'] === 'group_ids' ? arg.group_ids : arg.group_external_ids;
      return ids.map((id): team.GroupsGetInfoItem => {
        const g = arg['.tag'] === 'group_ids' ? store.group(id) : groupByExternalId(store, id);
        if (!g) return { '.tag': 'id_not_found', id_not_found: id };
        return { '.tag': 'group_info', ...groupFullInfo(store, g, true) };
      });
    },
  }),
];
