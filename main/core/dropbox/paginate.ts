/** One page of a Dropbox cursor listing. */
export interface CursorPage<T> {
  items: T[];
  cursor: string;
  hasMore: boolean;
}

/**
 * Walks a list / list_continue pair to the end, handing each page over as it
 * arrives so callers can report progress and never hold two copies.
 */
export async function paginate<T>(
  first: () => Promise<CursorPage<T>>,
  next: (cursor: string) => Promise<CursorPage<T>>,
  onPage: (items: T[]) => void,
): Promise<void> {
  let page = await first();
  onPage(page.items);
  while (page.hasMore) {
    page = await next(page.cursor);
    onPage(page.items);
  }
}

/** Dropbox's maximum page size for members/list_v2 and groups/list. */
export const MAX_PAGE_SIZE = 1000;
