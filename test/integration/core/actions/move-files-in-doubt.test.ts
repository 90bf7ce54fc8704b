import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';
import type { Member } from '../../../../main/sandbox/model/types.js';
import { runJob, startJobs, writesLogged } from '../../../support/jobs-fixture.js';
import { memberPool } from './actions-fixture.js';

const MOVE = 'team/members/move_former_member_files';
let sb: RunningSandbox;
const take = memberPool(() => sb);
const withFiles = (m: Member) => m.roleIds.length === 0 && m.files.files > 0 && m.emailVerified;

beforeAll(async () => {
  sb = await startSandbox({ members: 40, seed: 46 });
});
afterAll(() => sb.close());

describe('transfer of a former member’s files whose first send was lost', () => {
  it('a resend that meets the running transfer (user_data_is_being_transferred) leaves the item in doubt, not failed; it is never applied twice', async () => {
    const admin = sb.sandbox.store.state.members[0];
    const [m, dest] = [take('active', withFiles), take('active', withFiles)];
    const first = startJobs(sb);
    await runJob(first.jobs, 'member.remove', [{ member: m.email, wipeData: false }]);
    sb.sandbox.config.asyncJobDelayMs = 6000;
    const plan = await first.jobs.plan({ kind: 'member.move-former-member-files', items: [{ member: m.email, transferTo: dest.email, transferAdmin: admin.email }] });
    // What a crash right after the send leaves: the intent on disk, no job id, and the transfer running at Dropbox.
    const teamId = sb.sandbox.store.state.team.teamId;
    const stored = { version: 1 as const, jobId: plan.jobId, kind: plan.kind, teamId, admin: { teamMemberId: admin.teamMemberId, email: admin.email }, createdAt: new Date().toISOString(), total: 1 };
    const journal = await JobJournal.create(JobJournal.jobsDir(first.dataDir, teamId), stored, plan.items);
    await journal.append({ e: 'state', state: 'running', at: Date.now() });
    await journal.append({ e: 'intent', i: [0] });
    await journal.close();
    sb.sandbox.log.clear();
    await first.client.call(MOVE, 'write', (dbx, o) =>
      dbx.teamMembersMoveFormerMemberFiles({ user: { '.tag': 'team_member_id', team_member_id: m.teamMemberId }, transfer_dest_id: { '.tag': 'email', email: dest.email }, transfer_admin_id: { '.tag': 'email', email: admin.email } }, o),
    );

    const restarted = startJobs(sb, { dataDir: first.dataDir });
    await restarted.jobs.resume(plan.jobId);
    await restarted.jobs.whenStopped(plan.jobId);
    const [item] = restarted.jobs.items({ jobId: plan.jobId, offset: 0, limit: 1 }).items;
    expect(item.outcome).toMatchObject({ outcome: 'unconfirmed', message: expect.stringContaining('already moving') });
    expect(writesLogged(sb, MOVE).filter((r) => r.status === 200)).toHaveLength(1);
    expect(restarted.jobs.list()[0].state).toBe('finished');
    await restarted.jobs.close();
    sb.sandbox.config.asyncJobDelayMs = 300;
  });
});
