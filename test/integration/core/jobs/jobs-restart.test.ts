import { afterAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../preload/contract.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';
import { members, writesLogged } from '../../../support/jobs-fixture.js';
import { startHostedCore, type HostedCore } from './host-api.js';

const SET_PROFILE = 'team/members/set_profile_v2';
const SANDBOX = { members: 80, seed: 17 };
let h: HostedCore | undefined;

afterAll(() => h?.close());

async function untilStopped(api: HostedCore, jobId: string): Promise<JobSummary> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = (await api.call('listJobs')).find((j) => j.jobId === jobId)!;
    if (['finished', 'paused', 'cancelled', 'interrupted'].includes(job.state)) return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('jobs across a restart of the service', () => {
  it('lists a job a crash interrupted as resumable, and resumes it: the write that landed is read, not sent again', async () => {
    const first = await startHostedCore(SANDBOX, undefined, { jobConcurrency: 2 });
    const sb = first.core.service.sandboxTeam;
    const [landed, lost, untouched] = members(sb, 'active').slice(0, 3);
    const plan = await first.call('planJob', { kind: 'member.edit-profile', items: [landed, lost, untouched].map((m) => ({ member: m.email, surname: 'Crashed' })) });
    // What a crash leaves on disk right after two intents, one of whose writes reached Dropbox.
    const admin = sb.sandbox.store.memberById(sb.sandbox.firstAdminId())!;
    sb.sandbox.store.memberById(landed.teamMemberId)!.surname = 'Crashed';
    sb.sandbox.store.changed();
    const dataDir = first.core.dataDir;
    await first.close();
    const stored = { version: 1 as const, jobId: plan.jobId, kind: plan.kind, teamId: 'sandbox', admin: { teamMemberId: admin.teamMemberId, email: admin.email }, createdAt: new Date().toISOString(), total: 3 };
    const journal = await JobJournal.create(JobJournal.jobsDir(dataDir, 'sandbox'), stored, plan.items);
    await journal.append({ e: 'state', state: 'running', at: Date.now() });
    await journal.append({ e: 'intent', i: [0, 1] });
    await journal.close();

    h = await startHostedCore(SANDBOX, first.core, { jobConcurrency: 2 });
    const again = h.core.service.sandboxTeam;
    expect(await h.call('listJobs')).toEqual([expect.objectContaining({ jobId: plan.jobId, state: 'interrupted', resumable: true, label: 'Edit profile', progress: expect.objectContaining({ total: 3, pending: 3 }) })]);
    again.sandbox.log.clear();
    await h.call('resumeJob', { jobId: plan.jobId });
    expect(await untilStopped(h, plan.jobId)).toMatchObject({ state: 'finished', resumable: false, progress: { done: 3, pending: 0 } });
    const items = (await h.call('getJobItems', { jobId: plan.jobId, offset: 0, limit: 10 })).items;
    expect(items[0].outcome).toEqual({ outcome: 'done', detail: 'Confirmed after an interruption: Dropbox already shows the change.' });
    expect(items.slice(1).map((i) => i.outcome.outcome)).toEqual(['done', 'done']);
    // Only the two items Dropbox did not have were written.
    expect(writesLogged(again, SET_PROFILE)).toHaveLength(2);
    for (const m of [landed, lost, untouched]) expect(again.sandbox.store.memberById(m.teamMemberId)!.surname).toBe('Crashed');
    const audit = await h.call('listAudit', { filter: { action: 'member.edit-profile' }, offset: 0, limit: 10 });
    expect(audit.entries.filter((e) => e.jobId === plan.jobId).map((e) => e.member.id).sort()).toEqual([landed, lost, untouched].map((m) => m.teamMemberId).sort());
  });

  it('closing the app mid-job pauses it; after the restart it resumes and every write is applied exactly once', async () => {
    const before = h!;
    const sb = before.core.service.sandboxTeam;
    sb.sandbox.config.latencyMs = 40;
    sb.sandbox.log.clear();
    const targets = members(sb, 'active').slice(10, 30);
    const plan = await before.call('planJob', { kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.teamMemberId, givenName: `Closed${i}` })) });
    await before.call('startJob', { jobId: plan.jobId, confirmation: '20' });
    await new Promise((r) => setTimeout(r, 200));
    await before.close();
    h = undefined;
    const firstRun = writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200);
    expect(firstRun.length).toBeGreaterThan(0);
    expect(firstRun.length).toBeLessThan(20);

    h = await startHostedCore(SANDBOX, before.core, { jobConcurrency: 2 });
    const again = h.core.service.sandboxTeam;
    const listed = (await h.call('listJobs')).find((j) => j.jobId === plan.jobId)!;
    expect(listed).toMatchObject({ state: 'paused', resumable: true });
    expect(listed.progress.pending + listed.progress.unconfirmed).toBe(20 - listed.progress.done);
    again.sandbox.log.clear();
    await h.call('resumeJob', { jobId: plan.jobId });
    expect(await untilStopped(h, plan.jobId)).toMatchObject({ state: 'finished', progress: { done: 20, failed: 0, pending: 0, unconfirmed: 0 } });
    const secondRun = writesLogged(again, SET_PROFILE).filter((r) => r.status === 200);
    // Each of the 20 members written once over both runs, never twice.
    expect(firstRun.length + secondRun.length).toBe(20);
    targets.forEach((m, i) => expect(again.sandbox.store.memberById(m.teamMemberId)!.givenName).toBe(`Closed${i}`));
  });
});
