import { describe, expect, it } from 'vitest';
import { RequestScheduler } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { AimdLimit } from '../../../../../main/core/dropbox/scheduler/concurrency.js';
import { FakeClock, settle } from './fake-clock.js';
import { FakeEndpoint, tooMany } from './fake-endpoint.js';

const limitOf = (s: RequestScheduler, endpoint: string) => s.snapshot().endpoints.find((e) => e.endpoint === endpoint)!;

describe('AimdLimit', () => {
  it('adds one after a window of successes, halves on a throttle, never below 1 or above max', () => {
    const l = new AimdLimit(2, 5);
    l.succeeded(l.start());
    expect(l.limit).toBe(2);
    l.succeeded(l.start());
    expect(l.limit).toBe(3);
    for (let i = 0; i < 100; i++) l.succeeded(l.start());
    expect(l.limit).toBe(5);
    l.throttled(l.start());
    expect(l.limit).toBe(2);
    l.throttled(l.start());
    expect(l.limit).toBe(1);
    l.throttled(l.start());
    expect(l.limit).toBe(1);
  });

  it('halves once for the calls that were already in flight together', () => {
    const l = new AimdLimit(8, 8);
    const burst = [l.start(), l.start(), l.start(), l.start()];
    for (const a of burst) l.throttled(a);
    expect(l.limit).toBe(4);
    l.throttled(l.start());
    expect(l.limit).toBe(2);
  });

  it('a failure breaks the run of successes', () => {
    const l = new AimdLimit(3, 8);
    l.succeeded(l.start());
    l.succeeded(l.start());
    l.failed();
    l.succeeded(l.start());
    l.succeeded(l.start());
    expect(l.limit).toBe(3);
    l.succeeded(l.start());
    expect(l.limit).toBe(4);
  });
});

describe('RequestScheduler concurrency', () => {
  it('starts at 2 in flight, queues the rest, and grows to the read maximum of 16', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const ep = new FakeEndpoint(clock);
    const all = Array.from({ length: 300 }, () => s.run('team/members/get_info_v2', 'read', ep.call()));
    await settle();
    expect(ep.inFlight).toBe(2);
    expect(limitOf(s, 'team/members/get_info_v2')).toMatchObject({ queued: 298, inFlight: 2, limit: 2 });
    await clock.advance(10_000);
    await Promise.all(all);
    expect(ep.maxInFlight).toBe(16);
    expect(limitOf(s, 'team/members/get_info_v2')).toMatchObject({ queued: 0, inFlight: 0, limit: 16 });
  });

  it('writes grow to 8 at most', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const ep = new FakeEndpoint(clock);
    const all = Array.from({ length: 200 }, () => s.run('team/members/set_profile_v2', 'write', ep.call()));
    await clock.advance(10_000);
    await Promise.all(all);
    expect(ep.maxInFlight).toBe(8);
  });

  it('halves on a 429, once for a burst of them', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, initialConcurrency: 8 });
    // The first four in flight together are all refused.
    const ep = new FakeEndpoint(clock, [tooMany(1), tooMany(1), tooMany(1), tooMany(1)]);
    const all = Array.from({ length: 8 }, () => s.run('team/groups/list', 'read', ep.call()));
    await clock.advance(10);
    expect(limitOf(s, 'team/groups/list').limit).toBe(4);
    await clock.advance(5_000);
    await Promise.all(all);
    expect(ep.calls).toBe(12);
  });

  it('keeps endpoints apart: a throttled endpoint does not slow another', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, initialConcurrency: 4 });
    const a = new FakeEndpoint(clock, [tooMany(1)]);
    const b = new FakeEndpoint(clock);
    void s.run('team/groups/list', 'read', a.call());
    const bs = Array.from({ length: 4 }, () => s.run('team/members/list_v2', 'read', b.call()));
    await clock.advance(10);
    expect(limitOf(s, 'team/groups/list').limit).toBe(2);
    expect(limitOf(s, 'team/members/list_v2').limit).toBeGreaterThanOrEqual(4);
    await Promise.all(bs);
  });
});

describe('RequestScheduler order', () => {
  it('starts calls first in, first out, and a retried call keeps its place', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, initialConcurrency: 1, maxReadConcurrency: 1 });
    const ep = new FakeEndpoint(clock, [tooMany(1)]);
    const labels = ['a', 'b', 'c', 'd', 'e'];
    const all = labels.map((l) => s.run('team/members/list_v2', 'read', ep.call(l)));
    await clock.advance(5_000);
    expect(await Promise.all(all)).toEqual(labels);
    // "a" was refused once and went again before "b".
    expect(ep.labels).toEqual(['a', 'a', 'b', 'c', 'd', 'e']);
  });

  it('is first in, first out across endpoints that wait on the same write gate', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, initialConcurrency: 1, maxWriteConcurrency: 1 });
    const first = new FakeEndpoint(clock, [tooMany(2, 'too_many_write_operations')]);
    const other = new FakeEndpoint(clock);
    const order: string[] = [];
    const track = (e: FakeEndpoint, l: string) => async (signal: AbortSignal) => {
      order.push(l);
      return e.call(l)(signal);
    };
    const all = [
      s.run('team/members/suspend', 'write', track(first, 'suspend-1')),
      s.run('team/members/set_profile_v2', 'write', track(other, 'profile-2')),
      s.run('team/members/suspend', 'write', track(first, 'suspend-3')),
      s.run('team/members/set_profile_v2', 'write', track(other, 'profile-4')),
    ];
    await clock.advance(10);
    // profile-2 went while suspend-1 was in flight; then the gate closed on every write.
    expect(order).toEqual(['suspend-1', 'profile-2']);
    await clock.advance(1_999);
    expect(order).toHaveLength(2);
    await clock.advance(10_000);
    await Promise.all(all);
    // When the gate opens the oldest call goes first: the retried suspend-1 before profile-4;
    // suspend-3 waits for suspend-1 (one at a time on that endpoint).
    expect(order).toEqual(['suspend-1', 'profile-2', 'suspend-1', 'profile-4', 'suspend-3']);
  });
});
