import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import type { JobEngineEvent } from '../../../../preload/contract/jobs.js';
import { members, runJob, startJobs } from '../../../support/jobs-fixture.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 320, seed: 23, latencyMs: 4 });
});
afterAll(() => sb.close());

const ofType = <T extends JobEngineEvent['type']>(events: JobEngineEvent[], type: T) => events.filter((e): e is Extract<JobEngineEvent, { type: T }> => e.type === type);

describe('the events of a big job stay few', () => {
  it('a 250-item job announces no item that went well, at most 100 of those that did not, and progress a few times a second', async () => {
    const { jobs, events } = startJobs(sb);
    const targets = members(sb, 'active').slice(0, 130);
    expect(targets).toHaveLength(130);
    const good = targets.map((m, i) => ({ member: m.teamMemberId, surname: `Quiet${i}` }));
    // 120 items blocked by the plan (not a member): they fail as the job starts.
    const bad = Array.from({ length: 120 }, (_, i) => ({ member: `nobody${i}@example.com`, surname: 'X' }));
    const started = performance.now();
    const { results } = await runJob(jobs, 'member.edit-profile', [...good, ...bad]);
    const seconds = (performance.now() - started) / 1000;
    expect(results.filter((r) => r.outcome.outcome === 'done')).toHaveLength(130);

    const items = ofType(events, 'job.item');
    expect(items).toHaveLength(100);
    expect(new Set(items.map((e) => e.outcome.outcome))).toEqual(new Set(['failed']));
    const progress = ofType(events, 'job.progress');
    // At most 4 a second while it ran (one at its first item, then one per 250 ms), plus the last one, which says where the job ended.
    expect(progress.length).toBeLessThanOrEqual(Math.floor(seconds * 4) + 2);
    expect(progress.at(-1)!.progress).toMatchObject({ total: 250, done: 130, failed: 120, pending: 0 });
    expect(ofType(events, 'job.state').map((e) => e.state)).toEqual(['running', 'finished']);
  });

  it('a job of at most 100 items still announces each item', async () => {
    const { jobs, events } = startJobs(sb);
    const targets = members(sb, 'active').slice(130, 230);
    expect(targets).toHaveLength(100);
    await runJob(jobs, 'member.edit-profile', targets.map((m, i) => ({ member: m.teamMemberId, givenName: `Each${i}` })));
    const items = ofType(events, 'job.item');
    expect(items.map((e) => e.index).sort((a, b) => a - b)).toEqual(targets.map((_, i) => i));
  });
});

describe('a wait Dropbox asks for is said when it starts', () => {
  it('a 429 with Retry-After: a progress event carrying the wait goes out before any item finishes, once per wait', async () => {
    const { jobs, events } = startJobs(sb);
    const targets = members(sb, 'active').slice(230, 233);
    sb.sandbox.faults.add({ route: 'team/members/set_profile_v2', fault: 429, count: 3, retryAfter: 1 });
    const started = Date.now();
    const { results } = await runJob(jobs, 'member.edit-profile', targets.map((m, i) => ({ member: m.teamMemberId, surname: `Waited${i}` })));
    expect(results.map((r) => r.outcome.outcome)).toEqual(['done', 'done', 'done']);

    const waits = ofType(events, 'job.progress').filter((e) => e.progress.waitingUntil !== null);
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits.length).toBeLessThanOrEqual(3);
    expect(waits[0].progress.waitingUntil!).toBeGreaterThanOrEqual(started + 1000);
    // Said while nothing had finished: the wait, not a stale rate, is what the Jobs view shows.
    expect(waits[0].progress).toMatchObject({ done: 0, pending: 3 });
    expect(events.indexOf(waits[0])).toBeLessThan(events.findIndex((e) => e.type === 'job.item'));
  });
});
