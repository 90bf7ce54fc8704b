import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import type { Member } from '../../../../main/sandbox/model/types.js';
import { members, startJobs, writesLogged } from '../../../support/jobs-fixture.js';
import { teamClient } from '../../../support/team-client.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 60, seed: 44 });
});
beforeEach(() => {
  sb.sandbox.faults.clear();
  sb.sandbox.log.clear();
  sb.sandbox.config.latencyMs = 0;
  sb.sandbox.config.asyncJobDelayMs = 300;
  sb.sandbox.config.asyncAddThreshold = 5;
});
afterAll(() => sb.close());

async function until(what: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

const withFiles = (m: Member) => m.roleIds.length === 0 && m.files.files > 0 && m.emailVerified;

describe('closing the app mid-job never turns a change into a permanent failure', () => {
  it('closing while Dropbox runs the async jobs of a remove-with-transfer and an invite: unconfirmed, then polled to done on the next start, each write sent once', async () => {
    sb.sandbox.config.asyncJobDelayMs = 1500;
    sb.sandbox.config.asyncAddThreshold = 0;
    const first = startJobs(sb);
    const [leaver, dest] = members(sb, 'active').filter(withFiles).slice(0, 2);
    const admin = sb.sandbox.store.state.members[0];
    const removePlan = await first.jobs.plan({ kind: 'member.remove', items: [{ member: leaver.email, wipeData: false, transferTo: dest.email, transferAdmin: admin.email }] });
    const invitePlan = await first.jobs.plan({ kind: 'member.invite', items: [{ email: 'shutdown.invite@example.com', sendWelcomeEmail: false }] });
    await first.jobs.start(removePlan.jobId, removePlan.confirmation?.text);
    await first.jobs.start(invitePlan.jobId, invitePlan.confirmation?.text);
    // Both writes answered with an async job id, which Teamkeeper is now polling.
    await until(() => writesLogged(sb, 'team/members/remove/job_status/get').length > 0 && writesLogged(sb, 'team/members/add/job_status/get_v2').length > 0);
    await first.jobs.close();

    for (const plan of [removePlan, invitePlan]) {
      const [item] = first.jobs.items({ jobId: plan.jobId, offset: 0, limit: 1 }).items;
      expect(item.outcome.outcome).toBe('unconfirmed');
    }
    expect(first.jobs.auditLog.read().map((e) => e.outcome)).not.toContain('failed');

    const again = startJobs(sb, { dataDir: first.dataDir });
    for (const plan of [removePlan, invitePlan]) {
      await again.jobs.resume(plan.jobId);
      await again.jobs.whenStopped(plan.jobId);
      const [item] = again.jobs.items({ jobId: plan.jobId, offset: 0, limit: 1 }).items;
      expect(item.outcome.outcome).toBe('done');
    }
    expect(writesLogged(sb, 'team/members/remove')).toHaveLength(1);
    expect(writesLogged(sb, 'team/members/add_v2')).toHaveLength(1);
    expect(sb.sandbox.store.memberById(leaver.teamMemberId)!.files.transferredTo).toBe(dest.teamMemberId);
    await again.jobs.close();
  });

  it('closing while writes wait in the scheduler queue: those are not failed but run on the next start, each write sent once', async () => {
    sb.sandbox.config.latencyMs = 150;
    const client = teamClient(sb, { backoffBaseMs: 10, backoffCapMs: 50, maxAttempts: 8, initialConcurrency: 1, maxWriteConcurrency: 1 });
    const first = startJobs(sb, { client, concurrency: 6 });
    const targets = members(sb, 'active').slice(20, 26);
    const plan = await first.jobs.plan({ kind: 'member.edit-profile', items: targets.map((m) => ({ member: m.email, surname: 'Queued' })) });
    await first.jobs.start(plan.jobId, plan.confirmation!.text);
    await until(() => writesLogged(sb, 'team/members/set_profile_v2').length >= 1);
    await first.jobs.close();
    const outcomes = first.jobs.items({ jobId: plan.jobId, offset: 0, limit: 10 }).items.map((r) => r.outcome.outcome);
    expect(outcomes).not.toContain('failed');
    expect(outcomes.filter((o) => o === 'pending').length).toBeGreaterThan(0);

    const again = startJobs(sb, { dataDir: first.dataDir });
    await again.jobs.resume(plan.jobId);
    await again.jobs.whenStopped(plan.jobId);
    expect(again.jobs.items({ jobId: plan.jobId, offset: 0, limit: 10 }).items.map((r) => r.outcome.outcome)).toEqual(Array(6).fill('done'));
    for (const m of targets) expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe('Queued');
    // A request cut off by the close can be logged as a 500 that changed nothing: applied writes are the 200s.
    expect(writesLogged(sb, 'team/members/set_profile_v2').filter((r) => r.status === 200)).toHaveLength(6);
    await again.jobs.close();
  });
});
