import { describe, expect, it } from 'vitest';
import { lastPageWithin } from '../../../renderer/src/components/pager.js';

describe('lastPageWithin (a page left past the end as items leave a filter)', () => {
  it('keeps a page that still has items', () => {
    expect(lastPageWithin(0, 0, 50)).toBe(0);
    expect(lastPageWithin(50, 51, 50)).toBe(50);
    expect(lastPageWithin(100, 170, 50)).toBe(100);
  });

  it('moves a page past the end back to the last page, or the first when none is left', () => {
    expect(lastPageWithin(100, 100, 50)).toBe(50);
    expect(lastPageWithin(150, 60, 50)).toBe(50);
    expect(lastPageWithin(150, 50, 50)).toBe(0);
    expect(lastPageWithin(50, 0, 50)).toBe(0);
  });
});
