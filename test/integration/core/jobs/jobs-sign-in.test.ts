import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, TEAM_SCOPES, type RunningSandbox } from '../../../../main/sandbox/index.js';
import type { JobSummary } from '../../../../preload/contract/jobs.js';
import { members, startJobs, tokenOf, writesLogged } from '../../../support/jobs-fixture.js';
import { connectByPaste } from '../connect-steps.js';
import { MemoryExportSink, startCore } from '../core-fixture.js';

const SET_PROFILE = 'team/members/set_profile_v2';

async function until<T>(read: () => T | Promise<T>, done: (v: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await sleep(10);
  }
}

const finished = (j: JobSummary) => j.progress.done + j.progress.failed + j.progress.skipped + j.progress.unconfirmed;

describe('a team that loses its sign-in pauses its jobs instead of failing them', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ members: 120, seed: 31, latencyMs: 15 });
  });
  afterAll(() => sb.close());

  it('a token revoked mid-job: the job pauses durably with the reason, no item fails, and it resumes once signed in again', async () => {
    const admin = sb.sandbox.store.state.members.find((m) => m.roleIds.length > 0)!;
    const token = tokenOf(sb, admin.teamMemberId);
    const first = startJobs(sb, { accessToken: token, concurrency: 3 });
    const targets = members(sb, 'active').slice(0, 60);
    const plan = await first.jobs.plan({ kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.teamMemberId, surname: `Revoked${i}` })) });
    await first.jobs.start(plan.jobId, plan.confirmation!.text);
    await until(() => first.jobs.list()[0], (j) => j.progress.done >= 5, 'five items done');
    sb.sandbox.tokens.revoke(token);
    await first.jobs.whenStopped(plan.jobId);

    const [paused] = first.jobs.list();
    expect(paused).toMatchObject({ state: 'paused', resumable: true, progress: { failed: 0, unconfirmed: 0 } });
    expect(paused.pausedBecause).toBe("Paused: Dropbox no longer accepts this team's sign-in. Sign in to the team again, then resume the job.");
    expect(paused.progress.pending).toBeGreaterThan(0);
    expect(first.events.filter((e) => e.type === 'job.state').at(-1)).toMatchObject({ state: 'paused', reason: paused.pausedBecause });
    await first.jobs.close();

    // Signed in again (a new token, a new engine on the same data dir, as after a reconnect): listed paused, resumed to the end.
    const again = startJobs(sb, { dataDir: first.dataDir, accessToken: tokenOf(sb, admin.teamMemberId), concurrency: 3 });
    expect(again.jobs.list()[0]).toMatchObject({ jobId: plan.jobId, state: 'paused', resumable: true, pausedBecause: paused.pausedBecause });
    await again.jobs.resume(plan.jobId);
    await again.jobs.whenStopped(plan.jobId);
    expect(again.jobs.list()[0]).toMatchObject({ state: 'finished', progress: { done: 60, failed: 0 } });
    expect(again.jobs.list()[0].pausedBecause).toBeUndefined();
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Revoked${i}`));
    // Each write applied once: the refused ones were never run by Dropbox, and were sent again.
    const applied = writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200);
    expect(applied).toHaveLength(60);
    await again.jobs.close();
  });
});

describe('a sign-in without a permission the job needs pauses the job instead of failing every item', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ members: 60, seed: 33 });
  });
  afterAll(() => sb.close());

  it('no members.write: paused before any change with the permission named, nothing failed, and it runs once the permission is granted', async () => {
    const admin = sb.sandbox.store.state.members.find((m) => m.roleIds.length > 0)!;
    // An app key whose permissions lack members.write (members.delete would include it): reading the team works, changing it does not.
    const readOnly = sb.sandbox.tokens.issueAccess(
      admin.teamMemberId,
      TEAM_SCOPES.filter((s) => s !== 'members.write' && s !== 'members.delete'),
    );
    const first = startJobs(sb, { accessToken: readOnly, concurrency: 3 });
    const targets = members(sb, 'active').slice(0, 20);
    const plan = await first.jobs.plan({ kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.teamMemberId, surname: `Scoped${i}` })) });
    await first.jobs.start(plan.jobId, plan.confirmation!.text);
    await first.jobs.whenStopped(plan.jobId);

    const [paused] = first.jobs.list();
    expect(paused).toMatchObject({ state: 'paused', resumable: true, progress: { done: 0, failed: 0, unconfirmed: 0, pending: 20 } });
    expect(paused.pausedBecause).toBe(
      "Paused: Teamkeeper needs the members.write permission. In the Dropbox App Console, open your app's Permissions tab, tick members.write, submit, then reconnect. Then resume the job.",
    );
    expect(writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200)).toEqual([]);
    await first.jobs.close();

    const again = startJobs(sb, { dataDir: first.dataDir, accessToken: tokenOf(sb, admin.teamMemberId), concurrency: 3 });
    await again.jobs.resume(plan.jobId);
    await again.jobs.whenStopped(plan.jobId);
    expect(again.jobs.list()[0]).toMatchObject({ state: 'finished', progress: { done: 20, failed: 0 } });
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Scoped${i}`));
    expect(writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200)).toHaveLength(20);
    await again.jobs.close();
  });
});

describe('disconnecting a team pauses its running jobs', () => {
  let dropbox: RunningSandbox;
  beforeAll(async () => {
    dropbox = await startSandbox({ members: 80, seed: 32, latencyMs: 20 });
  });
  afterAll(() => dropbox.close());

  it('the job stops sending, is paused (not failed) and, once the team is connected again, is listed paused and resumes', async () => {
    const c = await startCore({ members: 12 }, undefined, new MemoryExportSink(), { dropboxUrl: dropbox.url, oauthPort: 0, jobConcurrency: 2 });
    try {
      const team = await connectByPaste(c.service, dropbox.clientId);
      const targets = members(dropbox, 'active').slice(0, 40);
      const plan = await c.service.planJob({ kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.teamMemberId, surname: `Left${i}` })) });
      await c.service.startJob({ jobId: plan.jobId, confirmation: '40' });
      await until(async () => (await c.service.listJobs())[0], (j) => j.progress.done >= 3, 'three items done');
      dropbox.sandbox.log.clear();
      await c.service.disconnect({ connectionId: team.id });
      const sentAfter = writesLogged(dropbox, SET_PROFILE).length;
      // Nothing more goes out for the disconnected team.
      await sleep(300);
      expect(writesLogged(dropbox, SET_PROFILE)).toHaveLength(sentAfter);
      expect(writesLogged(dropbox, SET_PROFILE).filter((r) => r.status !== 200)).toEqual([]);

      await connectByPaste(c.service, dropbox.clientId);
      const [listed] = await c.service.listJobs();
      expect(listed).toMatchObject({ jobId: plan.jobId, state: 'paused', resumable: true, pausedBecause: 'Paused: the team was disconnected. Connect it again, then resume the job.' });
      expect(listed.progress).toMatchObject({ failed: 0, unconfirmed: 0 });
      expect(finished(listed)).toBeLessThan(40);
      await c.service.resumeJob({ jobId: plan.jobId });
      const done = await until(async () => (await c.service.listJobs())[0], (j) => j.state === 'finished', 'the job to finish');
      expect(done.progress).toMatchObject({ done: 40, failed: 0 });
      targets.forEach((m, i) => expect(dropbox.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Left${i}`));
    } finally {
      await c.service.close();
    }
  });
});
