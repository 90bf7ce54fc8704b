import { describe, expect, it } from 'vitest';
import { paginate, type CursorPage } from '../../../../main/core/dropbox/paginate.js';

/** A three-page listing that logs when each page is asked for and when it is handed over. */
function listing(log: string[], failAt?: string) {
  const pages: Record<string, CursorPage<number>> = {
    first: { items: [1, 2], cursor: 'c1', hasMore: true },
    c1: { items: [3, 4], cursor: 'c2', hasMore: true },
    c2: { items: [5], cursor: 'c3', hasMore: false },
  };
  return {
    first: async () => {
      log.push('ask first');
      return pages.first;
    },
    next: async (cursor: string) => {
      log.push(`ask ${cursor}`);
      await new Promise((r) => setTimeout(r, 1));
      if (cursor === failAt) throw new Error(`page ${cursor} failed`);
      return pages[cursor];
    },
  };
}

describe('paginate', () => {
  it('hands over every page in order, asking for the next page before handing over this one', async () => {
    const log: string[] = [];
    const { first, next } = listing(log);
    const items: number[] = [];
    await paginate(first, next, (page) => {
      log.push(`got ${page.join(',')}`);
      items.push(...page);
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(log).toEqual(['ask first', 'ask c1', 'got 1,2', 'ask c2', 'got 3,4', 'got 5']);
  });

  it('reports the page handler failing, not the page it asked for ahead', async () => {
    const log: string[] = [];
    const { first, next } = listing(log, 'c1');
    await expect(
      paginate(first, next, () => {
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    // Let the page asked for ahead fail too: it must not surface as an unhandled rejection.
    await new Promise((r) => setTimeout(r, 5));
    expect(log).toEqual(['ask first', 'ask c1']);
  });

  it('rejects with a failed page and asks for nothing after it', async () => {
    const log: string[] = [];
    const { first, next } = listing(log, 'c1');
    const got: number[][] = [];
    await expect(paginate(first, next, (page) => got.push(page))).rejects.toThrow('page c1 failed');
    expect(got).toEqual([[1, 2]]);
    expect(log).toEqual(['ask first', 'ask c1']);
  });
});
