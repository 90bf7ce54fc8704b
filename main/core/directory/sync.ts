import { DropboxResponseError, type Dropbox, type team } from 'dropbox';
import type { MemberRow, NamedRef } from '../../../preload/contract.js';
import { MAX_PAGE_SIZE, paginate, type CursorPage } from '../dropbox/paginate.js';
import { withRetry } from '../dropbox/retry.js';
import { toMemberRow } from './member-row.js';

/** A route the team's Dropbox (or an older sandbox) does not serve: treated as "nothing to list". */
export function isMissingRoute(err: unknown): boolean {
  return err instanceof DropboxResponseError && err.status === 404;
}

export interface MemberListing {
  members: MemberRow[];
  /** Roles seen on members, for teams where the roles route is unavailable. */
  rolesSeen: Map<string, string>;
}

function memberPage(r: team.MembersListV2Result): CursorPage<team.TeamMemberInfoV2> {
  return { items: r.members, cursor: r.cursor, hasMore: r.has_more };
}

/** Every member via members/list_v2 + continue_v2, reporting the running count after each page. */
export async function listAllMembers(dbx: Dropbox, includeRemoved: boolean, onProgress: (loaded: number) => void): Promise<MemberListing> {
  const members: MemberRow[] = [];
  const rolesSeen = new Map<string, string>();
  await paginate(
    async () => memberPage((await withRetry(() => dbx.teamMembersListV2({ limit: MAX_PAGE_SIZE, include_removed: includeRemoved }))).result),
    async (cursor) => memberPage((await withRetry(() => dbx.teamMembersListContinueV2({ cursor }))).result),
    (infos) => {
      for (const info of infos) {
        members.push(toMemberRow(info));
        for (const r of info.roles ?? []) rolesSeen.set(r.role_id, r.name);
      }
      onProgress(members.length);
    },
  );
  return { members, rolesSeen };
}

/** The team's roles, or undefined where the route is not served. */
export async function listRoles(dbx: Dropbox): Promise<NamedRef[] | undefined> {
  try {
    const { result } = await withRetry(() => dbx.teamMembersGetAvailableTeamMemberRoles());
    return result.roles.map((r) => ({ id: r.role_id, name: r.name }));
  } catch (err) {
    if (isMissingRoute(err)) return undefined;
    throw err;
  }
}

function groupPage(r: team.GroupsListResult): CursorPage<NamedRef> {
  return { items: r.groups.map((g) => ({ id: g.group_id, name: g.group_name })), cursor: r.cursor, hasMore: r.has_more };
}

/** Every group via groups/list + continue; empty where the route is not served. */
export async function listAllGroups(dbx: Dropbox): Promise<NamedRef[]> {
  const groups: NamedRef[] = [];
  try {
    await paginate(
      async () => groupPage((await withRetry(() => dbx.teamGroupsList({ limit: MAX_PAGE_SIZE }))).result),
      async (cursor) => groupPage((await withRetry(() => dbx.teamGroupsListContinue({ cursor }))).result),
      (page) => groups.push(...page),
    );
  } catch (err) {
    if (isMissingRoute(err)) return [];
    throw err;
  }
  return groups;
}
