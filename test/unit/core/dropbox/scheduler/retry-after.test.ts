import { describe, expect, it } from 'vitest';
import { RequestScheduler, type RateLimitEvent } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { FakeClock } from './fake-clock.js';
import { FakeEndpoint, tooMany } from './fake-endpoint.js';

describe('RequestScheduler and Retry-After', () => {
  it('holds the next call to a 429ed endpoint until Retry-After has passed, then retries the refused one', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const ep = new FakeEndpoint(clock, [tooMany(3)]);
    const t0 = clock.now();
    const first = s.run('team/members/list_v2', 'read', ep.call('first'));
    await clock.advance(10);
    const second = s.run('team/members/list_v2', 'read', ep.call('second'));
    await clock.advance(2_980);
    expect(ep.calls).toBe(1);
    expect(s.snapshot().endpoints[0].gatedUntil).toBe(t0 + 10 + 3_000);
    await clock.advance(1_000);
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(ep.starts.slice(1).every((t) => t >= t0 + 3_010)).toBe(true);
    expect(s.snapshot().endpoints[0].gatedUntil).toBeNull();
  });

  it('uses retry_after from the body when the header is missing', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const refused = tooMany(2);
    (refused as { headers: Headers }).headers = new Headers();
    const ep = new FakeEndpoint(clock, [refused]);
    const t0 = clock.now();
    const p = s.run('team/get_info', 'read', ep.call());
    await clock.advance(5_000);
    await p;
    expect(ep.starts[1] - t0).toBe(2_010);
  });

  it('too_many_requests holds only its endpoint', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const a = new FakeEndpoint(clock, [tooMany(5)]);
    const b = new FakeEndpoint(clock);
    void s.run('team/members/suspend', 'write', a.call());
    await clock.advance(10);
    const t = clock.now();
    const other = s.run('team/members/set_profile_v2', 'write', b.call());
    await clock.advance(10);
    await other;
    expect(b.starts[0]).toBe(t);
    expect(a.calls).toBe(1);
  });

  it('too_many_write_operations holds every write endpoint of the team, not reads', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const suspend = new FakeEndpoint(clock, [tooMany(2, 'too_many_write_operations')]);
    const profile = new FakeEndpoint(clock);
    const info = new FakeEndpoint(clock);
    const refused = s.run('team/members/suspend', 'write', suspend.call());
    await clock.advance(10);
    const t = clock.now();
    const write = s.run('team/members/set_profile_v2', 'write', profile.call());
    const read = s.run('team/members/get_info_v2', 'read', info.call());
    await clock.advance(10);
    expect(info.starts).toEqual([t]);
    expect(profile.calls).toBe(0);
    expect(s.snapshot().writes.gatedUntil).toBe(t + 2_000);
    await clock.advance(2_000);
    await Promise.all([refused, write, read]);
    expect(profile.starts).toEqual([t + 2_000]);
    expect(suspend.starts[1]).toBe(t + 2_000);
  });

  it('keeps retrying 429s, which do not count as failed attempts, until the deadline', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, maxAttempts: 2 });
    const ep = new FakeEndpoint(clock, Array.from({ length: 6 }, () => tooMany(1)));
    const p = s.run('team/groups/list', 'read', ep.call());
    await clock.advance(20_000);
    expect(await p).toBe('ok');
    expect(ep.calls).toBe(7);
  });

  it('gives up with the 429 itself when Retry-After would pass the deadline', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const refusal = tooMany(30);
    const ep = new FakeEndpoint(clock, [refusal]);
    const p = s.run('team/groups/list', 'read', ep.call(), { deadlineMs: 10_000 });
    const seen = p.catch((e: unknown) => e);
    await clock.advance(10);
    expect(await seen).toBe(refusal);
    expect(ep.calls).toBe(1);
  });

  it('reports each 429 to onRateLimited and stops after unsubscribe', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const events: RateLimitEvent[] = [];
    const off = s.onRateLimited((e) => events.push(e));
    const ep = new FakeEndpoint(clock, [tooMany(1, 'too_many_write_operations'), tooMany(2)]);
    const p = s.run('team/members/unsuspend', 'write', ep.call());
    await clock.advance(10);
    expect(events).toEqual([{ endpoint: 'team/members/unsuspend', scope: 'team-writes', retryAfterMs: 1_000, until: clock.now() + 1_000 }]);
    off();
    await clock.advance(5_000);
    await p;
    expect(events).toHaveLength(1);
  });
});
