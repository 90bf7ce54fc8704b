import { describe, expect, it } from 'vitest';
import { failureOf } from '../../../../support/failure-of.js';
import { RequestScheduler } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { CancelledError } from '../../../../../main/core/dropbox/scheduler/errors.js';
import { FakeClock, settle } from './fake-clock.js';
import { FakeEndpoint, httpError, tooMany } from './fake-endpoint.js';

describe('RequestScheduler cancellation', () => {
  it('a queued call that is cancelled is never sent and frees its place', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, initialConcurrency: 1, maxReadConcurrency: 1 });
    const ep = new FakeEndpoint(clock);
    const first = s.run('team/members/list_v2', 'read', ep.call('first'));
    const ctl = new AbortController();
    const queued = failureOf(s.run('team/members/list_v2', 'read', ep.call('queued'), { signal: ctl.signal }));
    const third = s.run('team/members/list_v2', 'read', ep.call('third'));
    await settle();
    expect(s.snapshot().endpoints[0].queued).toBe(2);
    ctl.abort();
    const err = await queued;
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).name).toBe('AbortError');
    expect((err as CancelledError).inFlight).toBe(false);
    expect(s.snapshot().endpoints[0].queued).toBe(1);
    await clock.advance(100);
    await Promise.all([first, third]);
    expect(ep.labels).toEqual(['first', 'third']);
  });

  it('an in-flight call gets the signal and the caller a CancelledError at once', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    let seen: AbortSignal | undefined;
    let release!: () => void;
    const ctl = new AbortController();
    const p = failureOf(
      s.run(
        'team/members/remove',
        'write',
        (signal) => {
          seen = signal;
          // A call that ignores the signal: run() must not wait for it.
          return new Promise<void>((resolve) => (release = resolve));
        },
        { signal: ctl.signal },
      ),
    );
    await settle();
    expect(s.snapshot().endpoints[0].inFlight).toBe(1);
    ctl.abort();
    const err = await p;
    expect(seen?.aborted).toBe(true);
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).inFlight).toBe(true);
    // The request still occupies Dropbox until it ends.
    expect(s.snapshot().endpoints[0].inFlight).toBe(1);
    release();
    await settle();
    expect(s.snapshot().endpoints[0].inFlight).toBe(0);
  });

  it('a call waiting out Retry-After or a backoff is cancelled without another attempt', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock, random: () => 0.9 });
    const limited = new FakeEndpoint(clock, [tooMany(10)]);
    const failing = new FakeEndpoint(clock, [httpError(500)]);
    const ctl = new AbortController();
    const a = failureOf(s.run('team/groups/list', 'read', limited.call(), { signal: ctl.signal }));
    const b = failureOf(s.run('team/get_info', 'read', failing.call(), { signal: ctl.signal }));
    await clock.advance(100);
    ctl.abort();
    expect(await a).toBeInstanceOf(CancelledError);
    expect(await b).toBeInstanceOf(CancelledError);
    await clock.advance(60_000);
    expect(limited.calls).toBe(1);
    expect(failing.calls).toBe(1);
  });

  it('an already aborted signal rejects without queueing', async () => {
    const s = new RequestScheduler({ clock: new FakeClock() });
    let called = false;
    const err = await failureOf(
      s.run(
        'team/get_info',
        'read',
        async () => {
          called = true;
        },
        { signal: AbortSignal.abort() },
      ),
    );
    expect(err).toBeInstanceOf(CancelledError);
    expect(called).toBe(false);
  });
});
