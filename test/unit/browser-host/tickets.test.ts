import { describe, expect, it } from 'vitest';
import { TicketBook } from '../../../main/browser-host/tickets.js';

describe('tickets for /events and /download', () => {
  it('are redeemed once, for the purpose and subject they were made for', () => {
    const book = new TicketBook();
    const events = book.mint('events', '');
    expect(events).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(book.redeem(events, 'download', '')).toBe(false);
    // A ticket tried for the wrong purpose is spent: guessing costs the guesser.
    expect(book.redeem(events, 'events', '')).toBe(false);
    const download = book.mint('download', 'abc');
    expect(book.redeem(download, 'download', 'xyz')).toBe(false);
    const again = book.mint('download', 'abc');
    expect(book.redeem(again, 'download', 'abc')).toBe(true);
    expect(book.redeem(again, 'download', 'abc')).toBe(false);
    expect(book.redeem(undefined, 'events', '')).toBe(false);
    expect(book.redeem('nope', 'events', '')).toBe(false);
  });

  it('expire after their short life', () => {
    let now = 1_000;
    const book = new TicketBook({ ttlMs: 30_000, now: () => now });
    const t = book.mint('events', '');
    now += 30_001;
    expect(book.redeem(t, 'events', '')).toBe(false);
  });

  it('are kept in a bounded number: the oldest unused ones go first', () => {
    const book = new TicketBook({ max: 3 });
    const [a, b, c, d] = [book.mint('events', ''), book.mint('events', ''), book.mint('events', ''), book.mint('events', '')];
    expect(book.redeem(a, 'events', '')).toBe(false);
    for (const t of [b, c, d]) expect(book.redeem(t, 'events', '')).toBe(true);
  });
});
