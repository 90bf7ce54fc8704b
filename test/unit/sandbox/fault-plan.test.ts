import { describe, expect, it } from 'vitest';
import { FaultPlan } from '../../../main/sandbox/http/faults.js';

describe('FaultPlan', () => {
  it('serves a rule exactly count times, only for its route', () => {
    const p = new FaultPlan();
    p.add({ route: 'a', fault: 500, count: 2 });
    expect(p.take('b')).toBeUndefined();
    expect(p.take('a')?.fault).toBe(500);
    expect(p.take('a')?.fault).toBe(500);
    expect(p.take('a')).toBeUndefined();
    expect(p.pending()).toEqual([]);
  });

  it('applies rules in the order they were added, "*" included', () => {
    const p = new FaultPlan();
    p.add({ route: '*', fault: 503, count: 1 });
    p.add({ route: 'a', fault: 'drop', count: 1 });
    expect(p.take('a')?.fault).toBe(503);
    expect(p.take('a')?.fault).toBe('drop');
    expect(p.take('x')).toBeUndefined();
  });

  it('ignores empty rules and hands out copies', () => {
    const p = new FaultPlan();
    p.add({ route: 'a', fault: 429, count: 0 });
    expect(p.pending()).toEqual([]);
    p.add({ route: 'a', fault: 429, count: 1, retryAfter: 3 });
    p.pending()[0].count = 99;
    expect(p.pending()[0].count).toBe(1);
  });
});
