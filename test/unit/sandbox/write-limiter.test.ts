import { describe, expect, it } from 'vitest';
import { WriteLimiter } from '../../../main/sandbox/http/rate-limit.js';

/** Calls take() at the given times (ms) and returns what each answered. */
function run(limiter: WriteLimiter, times: number[]): Array<number | undefined> {
  return times.map((t) => limiter.take(t));
}

describe('WriteLimiter', () => {
  it('is unlimited at rate 0', () => {
    const l = new WriteLimiter(0);
    expect(run(l, Array.from({ length: 1000 }, () => 0)).every((r) => r === undefined)).toBe(true);
  });

  it('allows a burst of one second, then asks to wait', () => {
    const l = new WriteLimiter(3);
    const t0 = Date.now();
    expect(run(l, [t0, t0, t0])).toEqual([undefined, undefined, undefined]);
    expect(l.take(t0)).toBeGreaterThanOrEqual(1);
  });

  it.each([1, 2, 0.5, 10])('at %s/s, a call made after Retry-After seconds goes through', (rate) => {
    const l = new WriteLimiter(rate);
    let t = Date.now();
    // Exhaust the bucket, then hammer it a little: refused calls count too.
    while (l.take(t) === undefined) t += 1;
    const more = [l.take(t), l.take(t)];
    const wait = more[1]!;
    expect(more.every((w) => w !== undefined && w >= 1)).toBe(true);
    expect(l.take(t + wait * 1000 + 1)).toBeUndefined();
  });

  it('starts with a full bucket when a limit is switched on at run time', () => {
    const l = new WriteLimiter(0);
    const t = Date.now();
    l.setRate(2, t);
    expect(run(l, [t, t])).toEqual([undefined, undefined]);
    expect(l.take(t)).toBe(1);
  });

  it('keeps debt when the rate is lowered', () => {
    const l = new WriteLimiter(5);
    const t = Date.now();
    run(l, [t, t, t, t, t]);
    l.setRate(1, t);
    expect(l.take(t)).toBeGreaterThanOrEqual(1);
  });
});
