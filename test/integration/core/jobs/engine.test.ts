import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';
import { failureOf } from '../../../support/failure-of.js';
import { csvOf, members, runJob, startJobs, writesLogged } from '../../../support/jobs-fixture.js';

const SET_PROFILE = 'team/members/set_profile_v2';
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 120, seed: 21 });
});
beforeEach(() => {
  sb.sandbox.faults.clear();
  sb.sandbox.log.clear();
  sb.sandbox.config.latencyMs = 0;
});
afterAll(() => sb.close());

describe('job engine over the real SDK against the sandbox', () => {
  it('plans without sending anything, says what will happen, and refuses a start without the typed count', async () => {
    const { jobs } = startJobs(sb);
    const [a, b] = members(sb, 'active');
    const plan = await jobs.plan({ kind: 'member.edit-profile', items: [{ member: a.email, surname: 'Planned' }, { member: b.teamMemberId, givenName: 'Also' }, { member: a.email, surname: a.surname === 'X' ? 'Y' : 'X', givenName: 'Z'.repeat(51) }] });
    expect(writesLogged(sb)).toEqual([]);
    expect(plan.counts).toEqual({ ready: 2, skip: 0, blocked: 1 });
    expect(plan.items[0]).toMatchObject({ status: 'ready', member: { id: a.teamMemberId }, calls: ['team/members/set_profile_v2 (surname)'], consequences: ['Sets the surname to "Planned".'] });
    expect(plan.items[2]).toMatchObject({ status: 'blocked', problems: ['givenName: A name has at most 50 characters.'] });
    expect(plan.confirmation).toEqual({ text: '2', prompt: 'Type 2 to confirm 2 changes.' });
    const refused = await failureOf(jobs.start(plan.jobId, '3'));
    expect(refused).toMatchObject({ code: 'confirmation_mismatch', message: 'Type 2 to confirm 2 changes. Nothing was sent.' });
    expect(writesLogged(sb)).toEqual([]);
    expect(sb.sandbox.store.memberById(a.teamMemberId)!.surname).toBe(a.surname);
  });

  it('runs a job: every item done with its Dropbox request id, audited, exported, and told as events', async () => {
    const { jobs, events } = startJobs(sb);
    const targets = members(sb, 'active').slice(2, 7);
    const { plan, results } = await runJob(jobs, 'member.edit-profile', targets.map((m, i) => ({ member: m.email, givenName: `Run${i}` })));
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.givenName).toBe(`Run${i}`));
    const logged = writesLogged(sb, SET_PROFILE);
    expect(logged.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(results.map((r) => r.outcome.outcome)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(new Set(results.map((r) => (r.outcome as { requestId?: string }).requestId))).toEqual(new Set(logged.map((r) => r.requestId)));
    expect(jobs.list()[0]).toMatchObject({ jobId: plan.jobId, state: 'finished', progress: { total: 5, done: 5, pending: 0 } });
    expect(events.filter((e) => e.type === 'job.item')).toHaveLength(5);
    expect(events.filter((e) => e.type === 'job.state').map((e) => (e as { state: string }).state)).toEqual(['running', 'finished']);

    const audit = jobs.auditLog.read({ member: targets[0].email });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ jobId: plan.jobId, action: 'member.edit-profile', outcome: 'done', options: { givenName: 'Run0' }, member: { id: targets[0].teamMemberId } });
    expect(JSON.stringify(jobs.auditLog.read())).not.toContain(sb.accessToken);

    const csv = await csvOf((out) => jobs.exportResults(plan.jobId, out));
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('item,member,input,outcome,reason,dropbox tag,request id');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain(',done,');
    expect(lines[1]).toContain(logged.find((r) => r.requestId === (results[0].outcome as { requestId: string }).requestId)!.requestId);
  });

  it('skips what is already as wanted and fails blocked items with their sentence, without sending them', async () => {
    const { jobs } = startJobs(sb);
    const [m] = members(sb, 'active').slice(8);
    const { results } = await runJob(jobs, 'member.edit-profile', [{ member: m.email, givenName: m.givenName }, { member: 'nobody@example.com', givenName: 'X' }, { member: 'not an email', surname: 'Y' }]);
    expect(results.map((r) => r.outcome)).toEqual([
      { outcome: 'skipped', reason: 'The profile already has these values.' },
      { outcome: 'failed', tag: 'preflight', message: 'No member nobody@example.com is on this team.' },
      { outcome: 'failed', tag: 'preflight', message: 'member: Choose a member by their email address or member id (dbmid:…).' },
    ]);
    expect(writesLogged(sb)).toEqual([]);
    // The audit line of a member nobody could find still names whom the item asked for.
    expect(jobs.auditLog.read({ member: 'nobody@example.com' })).toMatchObject([{ outcome: 'failed', member: { email: 'nobody@example.com' } }]);
  });

  it('429s, 500s and dropped connections mid-job: every item done, each write applied once', async () => {
    const { jobs } = startJobs(sb);
    const targets = members(sb, 'active').slice(10, 30);
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 429, count: 2, retryAfter: 1 });
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 500, count: 2 });
    sb.sandbox.faults.add({ route: SET_PROFILE, fault: 'drop', count: 2 });
    const { results } = await runJob(jobs, 'member.edit-profile', targets.map((m, i) => ({ member: m.teamMemberId, surname: `Storm${i}` })));
    expect(results.every((r) => r.outcome.outcome === 'done')).toBe(true);
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Storm${i}`));
    expect(writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200)).toHaveLength(20);
  });

  it('pauses (what was sent finishes, nothing new starts), resumes to the end, and cancel leaves the rest unrun', async () => {
    sb.sandbox.config.latencyMs = 30;
    const { jobs } = startJobs(sb, { concurrency: 2 });
    const targets = members(sb, 'active').slice(30, 70);
    expect(targets).toHaveLength(40);
    const plan = await jobs.plan({ kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.email, givenName: `Pause${i}` })) });
    await jobs.start(plan.jobId, plan.confirmation!.text);
    await new Promise((r) => setTimeout(r, 100));
    const paused = await jobs.pause(plan.jobId);
    expect(paused.state).toBe('paused');
    const sentAtPause = writesLogged(sb, SET_PROFILE).length;
    expect(paused.progress.done).toBe(sentAtPause);
    expect(paused.progress.pending).toBe(40 - sentAtPause);
    await new Promise((r) => setTimeout(r, 150));
    expect(writesLogged(sb, SET_PROFILE)).toHaveLength(sentAtPause);

    await jobs.resume(plan.jobId);
    await new Promise((r) => setTimeout(r, 100));
    const cancelled = await jobs.cancel(plan.jobId);
    expect(cancelled.state).toBe('cancelled');
    const sent = writesLogged(sb, SET_PROFILE).length;
    expect(cancelled.progress.done).toBe(sent);
    expect(sent).toBeLessThan(40);
    await new Promise((r) => setTimeout(r, 150));
    expect(writesLogged(sb, SET_PROFILE)).toHaveLength(sent);
    expect(await failureOf(jobs.resume(plan.jobId))).toMatchObject({ code: 'not_resumable' });
  });

  it('after a crash, an item in doubt is read before it is written: sent again only if Dropbox shows it was not applied', async () => {
    const [applied, notApplied, untouched] = members(sb, 'active').slice(70, 73);
    const first = startJobs(sb);
    const plan = await first.jobs.plan({ kind: 'member.edit-profile', items: [applied, notApplied, untouched].map((m) => ({ member: m.email, surname: 'Doubt' })) });
    // What a crash right after the intents leaves: a plan, intents, one write that reached Dropbox.
    const teamId = sb.sandbox.store.state.team.teamId;
    const stored = { version: 1 as const, jobId: plan.jobId, kind: plan.kind, teamId, admin: { teamMemberId: 'dbmid:x', email: 'x@example.com' }, createdAt: new Date().toISOString(), total: 3 };
    const journal = await JobJournal.create(JobJournal.jobsDir(first.dataDir, teamId), stored, plan.items);
    await journal.append({ e: 'state', state: 'running', at: Date.now() });
    await journal.append({ e: 'intent', i: [0, 1] });
    await journal.close();
    sb.sandbox.store.memberById(applied.teamMemberId)!.surname = 'Doubt';

    const restarted = startJobs(sb, { dataDir: first.dataDir });
    const [job] = restarted.jobs.list();
    expect(job).toMatchObject({ jobId: plan.jobId, state: 'interrupted', progress: { pending: 3 } });
    sb.sandbox.log.clear();
    await restarted.jobs.resume(plan.jobId);
    await restarted.jobs.whenStopped(plan.jobId);
    const results = restarted.jobs.items({ jobId: plan.jobId, offset: 0, limit: 10 }).items.map((r) => r.outcome);
    expect(results[0]).toEqual({ outcome: 'done', detail: 'Confirmed after an interruption: Dropbox already shows the change.' });
    expect(results.slice(1).map((r) => r.outcome)).toEqual(['done', 'done']);
    expect(writesLogged(sb, SET_PROFILE)).toHaveLength(2);
    expect(sb.sandbox.store.memberById(notApplied.teamMemberId)!.surname).toBe('Doubt');
    expect(sb.sandbox.store.memberById(untouched.teamMemberId)!.surname).toBe('Doubt');
  });

  it('unknown actions and malformed requests are refused with a sentence', async () => {
    const { jobs } = startJobs(sb);
    expect(await failureOf(jobs.plan({ kind: 'member.explode', items: [{}] }))).toMatchObject({ code: 'unknown_action', message: 'Teamkeeper has no action called "member.explode".' });
    expect(await failureOf(jobs.plan({ kind: 'member.suspend', items: [] }))).toMatchObject({ code: 'invalid_argument' });
    expect(await failureOf(jobs.start('job-nope'))).toMatchObject({ code: 'unknown_job' });
  });
});
