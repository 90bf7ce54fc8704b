import { describe, expect, it } from 'vitest';
import { OneTimeStore } from '../../../main/sandbox/oauth/one-time-store.js';

describe('OneTimeStore', () => {
  it('redeems a key once', () => {
    const s = new OneTimeStore<string>('k-', 1000);
    const key = s.put('v', 0);
    expect(key).toMatch(/^k-[A-Za-z0-9_-]{32}$/);
    expect(s.peek(key, 10)).toBe('v');
    expect(s.take(key, 10)).toBe('v');
    expect(s.take(key, 10)).toBeUndefined();
    expect(s.peek(key, 10)).toBeUndefined();
  });

  it('expires keys after their lifetime, even unredeemed', () => {
    const s = new OneTimeStore<number>('k-', 600_000);
    const key = s.put(1, 0);
    expect(s.peek(key, 599_999)).toBe(1);
    expect(s.take(key, 600_000)).toBeUndefined();
  });

  it('makes unguessable, distinct keys', () => {
    const s = new OneTimeStore<number>('k-', 1000);
    const keys = new Set(Array.from({ length: 500 }, (_, i) => s.put(i, 0)));
    expect(keys.size).toBe(500);
    expect(s.take('k-guess', 0)).toBeUndefined();
  });
});
