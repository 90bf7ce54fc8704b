import { describe, expect, it } from 'vitest';
import { WritePacer } from '../../../../../main/core/dropbox/scheduler/write-pacer.js';
import { RequestScheduler } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { FakeClock } from './fake-clock.js';
import { tooMany } from './fake-endpoint.js';
import { WriteLimiter } from '../../../../../main/sandbox/http/rate-limit.js';

const options = { backoff: 0.1, probe: 0.01, maxSampleMs: 60_000 };

describe('WritePacer', () => {
  it('does not pace until two throttles measured the rate', () => {
    const p = new WritePacer(options);
    for (let i = 0; i < 20; i++) p.send(0);
    p.throttled(p.send(50), 50);
    expect(p.pacedRate).toBeUndefined();
    expect(p.readyAt()).toBe(0);
  });

  it('paces at the measured rate less the backoff, one write every 1/rate s', () => {
    const p = new WritePacer(options);
    const first = p.send(0);
    p.throttled(first, 0);
    // 20 more writes over 2 s, the last refused: the budget refills at 10/s.
    let last = 0;
    for (let i = 1; i <= 20; i++) last = p.send(i * 100);
    p.throttled(last, 2_000);
    expect(p.pacedRate).toBeCloseTo(9);
    p.send(3_000);
    expect(p.readyAt()).toBeCloseTo(3_000 + 1000 / 9);
    p.send(3_010);
    expect(p.readyAt()).toBeCloseTo(3_000 + 2000 / 9);
  });

  it('ignores refusals of writes already in flight when a throttle was counted', () => {
    const p = new WritePacer(options);
    const inFlight = [p.send(0), p.send(0), p.send(0)];
    p.throttled(inFlight[0], 0);
    p.throttled(inFlight[1], 0);
    p.throttled(inFlight[2], 0);
    let last = 0;
    for (let i = 1; i <= 10; i++) last = p.send(1_000 + i * 100);
    p.throttled(last, 2_000);
    // 12 writes reached Dropbox after the counted refusal (two refused, ten sent later) in 2 s.
    expect(p.pacedRate).toBeCloseTo(6 * 0.9);
  });

  it('probes upwards while paced writes succeed, and comes down when refused again', () => {
    const p = new WritePacer(options);
    p.throttled(p.send(0), 0);
    let t = 0;
    let last = 0;
    for (let i = 0; i < 10; i++) last = p.send((t += 100));
    p.throttled(last, t);
    const start = p.pacedRate!;
    for (let i = 0; i < 50; i++) p.succeeded();
    expect(p.pacedRate).toBeCloseTo(start + 0.5);
    const probed = p.pacedRate!;
    last = p.send((t += 2_000));
    p.throttled(last, t);
    expect(p.pacedRate).toBeLessThan(probed);
  });

  it('treats throttles further apart than maxSampleMs as no measurement', () => {
    const p = new WritePacer(options);
    p.throttled(p.send(0), 0);
    p.throttled(p.send(120_000), 120_000);
    expect(p.pacedRate).toBeUndefined();
  });
});

describe('RequestScheduler write pacing', () => {
  it('learns a team write limit of 10/s and runs 300 writes within 1.15× of 30 s with few refusals', async () => {
    const clock = new FakeClock();
    const s = new RequestScheduler({ clock });
    // The sandbox's own token bucket, driven by the fake clock.
    const bucket = new WriteLimiter(10);
    bucket.setRate(10, clock.now());
    let refusals = 0;
    const write = async () => {
      await clock.sleep(5);
      const wait = bucket.take(clock.now());
      if (wait !== undefined) {
        refusals++;
        throw tooMany(wait, 'too_many_write_operations');
      }
      await clock.sleep(5);
      finishedAt = clock.now();
    };
    let finishedAt = 0;
    const t0 = clock.now();
    const all = Array.from({ length: 300 }, () => s.run('team/members/set_profile_v2', 'write', write));
    await clock.advance(60_000);
    await Promise.all(all);
    expect((finishedAt - t0) / 30_000).toBeLessThan(1.15);
    expect(refusals).toBeLessThanOrEqual(10);
    // Measured, then probing a little above: within a few percent of the limit.
    expect(s.snapshot().writes.pacedRate).toBeGreaterThan(9);
    expect(s.snapshot().writes.pacedRate).toBeLessThan(11.5);
  });
});
