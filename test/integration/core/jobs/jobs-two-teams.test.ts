import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobEvent } from '../../../../preload/contract.js';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { members, writesLogged } from '../../../support/jobs-fixture.js';
import { connectByPaste } from '../connect-steps.js';
import { MemoryExportSink, startCore, type CoreFixture } from '../core-fixture.js';

const SET_PROFILE = 'team/members/set_profile_v2';
let dropbox: RunningSandbox;
let c: CoreFixture;

beforeAll(async () => {
  dropbox = await startSandbox({ members: 20, seed: 3 });
  c = await startCore({ members: 40, seed: 8 }, undefined, new MemoryExportSink(), { dropboxUrl: dropbox.url, oauthPort: 0, jobConcurrency: 1 });
});
afterAll(async () => {
  await c.service.close();
  await dropbox.close();
});

describe('a job while another team is shown', () => {
  it('keeps running on its own team, is paused by id from the other team, and lists only under its team', async () => {
    const sb = c.service.sandboxTeam;
    await c.service.getDirectory({ includeRemoved: false });
    sb.sandbox.config.latencyMs = 40;
    const targets = members(sb, 'active').slice(0, 12);
    const plan = await c.service.planJob({ kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.email, surname: `Away${i}` })) });
    await c.service.startJob({ jobId: plan.jobId, confirmation: '12' });

    const other = await connectByPaste(c.service, dropbox.clientId);
    expect((await c.service.getActiveConnection())?.id).toBe(other.id);
    expect(await c.service.listJobs()).toEqual([]);
    const paused = await c.service.pauseJob({ jobId: plan.jobId });
    expect(paused.state).toBe('paused');
    const sent = writesLogged(sb, SET_PROFILE).length;
    expect(sent).toBeLessThan(12);
    expect(writesLogged(dropbox)).toEqual([]);

    const jobEvents = c.events.filter((e): e is JobEvent => e.type.startsWith('job.') && (e as JobEvent).jobId === plan.jobId);
    expect(new Set(jobEvents.map((e) => e.connectionId))).toEqual(new Set(['sandbox']));

    await c.service.switchConnection({ connectionId: 'sandbox' });
    expect((await c.service.listJobs()).map((j) => [j.jobId, j.state])).toEqual([[plan.jobId, 'paused']]);
    await c.service.resumeJob({ jobId: plan.jobId });
    const deadline = Date.now() + 10_000;
    while ((await c.service.listJobs())[0].state !== 'finished' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await c.service.listJobs())[0]).toMatchObject({ state: 'finished', progress: { done: 12 } });
    expect(writesLogged(sb, SET_PROFILE).filter((r) => r.status === 200)).toHaveLength(12);
  });
});
