/** One page of a Dropbox cursor listing. */
export interface CursorPage<T> {
  items: T[];
  cursor: string;
  hasMore: boolean;
}

/**
 * Walks a list / list_continue pair to the end, handing each page over as it
 * arrives so callers can report progress and never hold two copies. The next
 * page is asked for before this one is handed over: what the caller does with
 * a page overlaps the wait for the next one instead of adding to it. Still one
 * request at a time, and only reads: a page asked for ahead is never a write.
 */
export async function paginate<T>(
  first: () => Promise<CursorPage<T>>,
  next: (cursor: string) => Promise<CursorPage<T>>,
  onPage: (items: T[]) => void,
): Promise<void> {
  let page = await first();
  for (;;) {
    const ahead = page.hasMore ? next(page.cursor) : null;
    // When onPage throws, that error is the one to report; the page asked for ahead is dropped.
    ahead?.catch(() => undefined);
    // Asking is not sending: the request leaves only after the client's own awaits
    // (scheduler, token check, SDK, fetch) have run, and a synchronous onPage would
    // hold them back until it returns. One turn of the event loop lets them go first.
    if (ahead) await new Promise<void>((resolve) => setImmediate(resolve));
    onPage(page.items);
    if (!ahead) return;
    page = await ahead;
  }
}

/** Dropbox's maximum page size for members/list_v2 and groups/list. */
export const MAX_PAGE_SIZE = 1000;
