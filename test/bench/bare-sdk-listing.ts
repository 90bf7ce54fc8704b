import type { Dropbox } from 'dropbox';

/**
 * The baseline the directory benches compare against: the members/list_v2
 * loop anyone would write with the SDK, keeping the raw results.
 */
export async function bareSdkListing(dbx: Dropbox): Promise<number> {
  const all: unknown[] = [];
  let page = (await dbx.teamMembersListV2({ limit: 1000, include_removed: false })).result;
  all.push(...page.members);
  while (page.has_more) {
    page = (await dbx.teamMembersListContinueV2({ cursor: page.cursor })).result;
    all.push(...page.members);
  }
  return all.length;
}

/** How long `fn` took, and the count it returned. */
export async function timed(fn: () => Promise<number>): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  const count = await fn();
  return { ms: performance.now() - t0, count };
}
