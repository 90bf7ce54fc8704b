import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pollAsyncJob, readStatus } from '../../../../main/core/dropbox/poll-async-job.js';
import type { DropboxClient } from '../../../../main/core/dropbox/client.js';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { failureOf } from '../../../support/failure-of.js';
import { teamClient } from '../../../support/team-client.js';

const ADD_STATUS = 'team/members/add/job_status/get_v2';
let sb: RunningSandbox;
let n = 0;

/** Invites one new member through add_v2 with force_async: Dropbox answers with a job id. */
async function launchAdd(c: DropboxClient): Promise<{ id: string; email: string }> {
  const email = `poll${++n}@example.com`;
  const launch = await c.call('team/members/add_v2', 'write', (dbx, o) => dbx.teamMembersAddV2({ new_members: [{ member_email: email, member_given_name: 'Poll', member_surname: 'Test' }], force_async: true }, o));
  if (launch['.tag'] !== 'async_job_id') throw new Error('expected an async job');
  return { id: launch.async_job_id, email };
}
const polls = () => sb.sandbox.log.list().filter((r) => r.route === ADD_STATUS);

beforeAll(async () => {
  sb = await startSandbox({ members: 10, seed: 5 });
});
beforeEach(() => {
  sb.sandbox.faults.clear();
  sb.sandbox.log.clear();
  sb.sandbox.config.asyncJobDelayMs = 300;
});
afterAll(() => sb.close());

describe('pollAsyncJob over the real SDK against the sandbox', () => {
  it('polls an in_progress job until it completes, waiting longer each time, and returns its result', async () => {
    const c = teamClient(sb);
    const { id, email } = await launchAdd(c);
    const inProgress: number[] = [];
    const result = await pollAsyncJob(c, 'members_add', id, { firstIntervalMs: 50, onInProgress: (p) => inProgress.push(p) });
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ '.tag': 'success', profile: { email } });
    expect(inProgress.length).toBeGreaterThanOrEqual(2);
    expect(polls().length).toBe(inProgress.length + 1);
    // Backoff: later gaps between polls are longer than the first.
    const times = polls().map((p) => Date.parse(p.time));
    expect(times.at(-1)! - times.at(-2)!).toBeGreaterThan(times[1] - times[0] - 5);
  });

  it('an unknown or failed job rejects with the tag and a sentence', async () => {
    const err = await failureOf(pollAsyncJob(teamClient(sb), 'members_remove', 'dbjid:made-up'));
    expect(err).toMatchObject({ code: 'dropbox_error', dropboxTag: 'invalid_async_job_id' });
    expect(readStatus({ '.tag': 'failed', failed: 'Server text' })).toMatchObject({ state: 'failed', error: { dropboxTag: 'failed', message: 'Dropbox reported that the background job failed.' } });
    expect(readStatus({ '.tag': 'other' })).toMatchObject({ state: 'failed', error: { dropboxTag: 'other' } });
  });

  it('stops at once when the signal aborts, between polls or during one', async () => {
    sb.sandbox.config.asyncJobDelayMs = 60_000;
    const c = teamClient(sb);
    const { id } = await launchAdd(c);
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 250);
    const err = await failureOf(pollAsyncJob(c, 'members_add', id, { signal: ac.signal, firstIntervalMs: 100, maxIntervalMs: 100 }));
    expect(err).toMatchObject({ code: 'cancelled' });
    expect(Date.now() - started).toBeLessThan(1000);
    const before = polls().length;
    await new Promise((r) => setTimeout(r, 300));
    expect(polls().length).toBe(before);
  });

  it("honours a 429's Retry-After between polls and shows it as the scheduler's waiting time", async () => {
    const c = teamClient(sb);
    const { id } = await launchAdd(c);
    sb.sandbox.faults.add({ route: ADD_STATUS, fault: 429, count: 1, retryAfter: 1 });
    const waits: Array<number | null> = [];
    const watching = setInterval(() => waits.push(c.scheduler.waitingUntil(ADD_STATUS)), 100);
    const result = await pollAsyncJob(c, 'members_add', id, { firstIntervalMs: 50 });
    clearInterval(watching);
    expect(result[0]['.tag']).toBe('success');
    const [limited, next] = polls();
    expect(limited.status).toBe(429);
    expect(Date.parse(next.time) - Date.parse(limited.time)).toBeGreaterThanOrEqual(950);
    expect(waits.some((w) => w !== null && w > Date.now() - 2000)).toBe(true);
    expect(c.scheduler.waitingUntil(ADD_STATUS)).toBeNull();
    expect(c.scheduler.waitingUntil()).toBeNull();
  });
});
