import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../../support/failure-of.js';
import { RequestScheduler } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { fullJitterDelay } from '../../../../../main/core/dropbox/scheduler/backoff.js';
import { UnconfirmedWriteError } from '../../../../../main/core/dropbox/scheduler/errors.js';
import { FakeClock } from './fake-clock.js';
import { FakeEndpoint, dropped, httpError, refused } from './fake-endpoint.js';

describe('fullJitterDelay', () => {
  it('picks uniformly below base·2^(n-1), capped', () => {
    expect(fullJitterDelay(1, 500, 20_000, () => 0)).toBe(0);
    expect(fullJitterDelay(1, 500, 20_000, () => 0.999999)).toBe(499);
    expect(fullJitterDelay(3, 500, 20_000, () => 0.5)).toBe(1_000);
    expect(fullJitterDelay(4, 500, 20_000, () => 0.999999)).toBe(3_999);
    expect(fullJitterDelay(30, 500, 20_000, () => 0.999999)).toBe(19_999);
  });

  it('spreads Math.random picks over the whole window', () => {
    const picks = Array.from({ length: 2_000 }, () => fullJitterDelay(3, 500, 20_000, Math.random));
    expect(Math.min(...picks)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...picks)).toBeLessThan(2_000);
    expect(picks.filter((p) => p < 1_000).length).toBeGreaterThan(800);
    expect(picks.filter((p) => p >= 1_000).length).toBeGreaterThan(800);
  });
});

describe('RequestScheduler retries', () => {
  it('retries a 5xx after a jittered backoff that doubles', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, random: () => 0.5 });
    const ep = new FakeEndpoint(clock, [httpError(500), httpError(503)], 10);
    const p = s.run('team/members/list_v2', 'read', ep.call());
    await clock.advance(5_000);
    expect(await p).toBe('ok');
    const t0 = ep.starts[0];
    // Answer after 10 ms, then 0.5·500 ms; answer after 10 ms, then 0.5·1000 ms.
    expect(ep.starts.map((t) => t - t0)).toEqual([0, 260, 770]);
  });

  it('gives up after maxAttempts 5xx answers with the last of them', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, random: () => 1 - 1e-9 });
    const last = httpError(503);
    const ep = new FakeEndpoint(clock, [httpError(500), httpError(500), httpError(502), httpError(500), last, httpError(500)]);
    const seen = failureOf(s.run('team/get_info', 'read', ep.call()));
    await clock.advance(60_000);
    expect(await seen).toBe(last);
    expect(ep.calls).toBe(5);
  });

  it.each([400, 401, 403, 409])('returns a %i at once, never retried', async (status) => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const err = httpError(status, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' } });
    const ep = new FakeEndpoint(clock, [err]);
    const seen = failureOf(s.run('team/members/set_profile_v2', 'write', ep.call(), { idempotent: true }));
    await clock.advance(60_000);
    expect(await seen).toBe(err);
    expect(ep.calls).toBe(1);
  });

  it('retries a read whose connection dropped', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const ep = new FakeEndpoint(clock, [dropped(), dropped()]);
    const p = s.run('team/members/get_info_v2', 'read', ep.call());
    await clock.advance(10_000);
    expect(await p).toBe('ok');
    expect(ep.calls).toBe(3);
  });

  it.each([
    ['a dropped connection', dropped],
    ['a 500', () => httpError(500)],
  ])('does not resend a write after %s unless it is idempotent: UnconfirmedWriteError', async (_name, fault) => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const cause = fault();
    const ep = new FakeEndpoint(clock, [cause]);
    const seen = failureOf(s.run('team/members/add_v2', 'write', ep.call()));
    await clock.advance(10_000);
    const err = await seen;
    expect(err).toBeInstanceOf(UnconfirmedWriteError);
    expect((err as UnconfirmedWriteError).cause).toBe(cause);
    expect(ep.calls).toBe(1);

    const again = new FakeEndpoint(clock, [fault()]);
    const p = s.run('team/members/set_profile_v2', 'write', again.call(), { idempotent: true });
    await clock.advance(10_000);
    expect(await p).toBe('ok');
    expect(again.calls).toBe(2);
  });

  it('resends any write whose connection was never made', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    const ep = new FakeEndpoint(clock, [refused()]);
    const p = s.run('team/members/add_v2', 'write', ep.call());
    await clock.advance(10_000);
    expect(await p).toBe('ok');
    expect(ep.calls).toBe(2);
  });

  it('waits at least a 503 Retry-After before trying again', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, random: () => 0 });
    const unavailable = httpError(503);
    (unavailable as { headers: Headers }).headers = new Headers({ 'retry-after': '4' });
    const ep = new FakeEndpoint(clock, [unavailable]);
    const p = s.run('team/get_info', 'read', ep.call());
    await clock.advance(10_000);
    await p;
    expect(ep.starts[1] - ep.starts[0]).toBe(4_010);
  });
});
