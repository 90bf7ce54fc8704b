import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';
import { members, runJob, startJobs } from '../../../support/jobs-fixture.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 30, seed: 45 });
});
afterAll(() => sb.close());

describe('damaged files on disk are reported, never silently dropped', () => {
  it('a job whose journal has torn bytes mid-file is listed as damaged with a reason; the audit log still opens and reads', async () => {
    const first = startJobs(sb);
    const [a, b] = members(sb, 'active').slice(2, 4);
    const whole = await runJob(first.jobs, 'member.edit-profile', [{ member: a.email, surname: 'Whole' }]);
    const torn = await runJob(first.jobs, 'member.edit-profile', [{ member: b.email, surname: 'Torn' }]);
    await first.jobs.close();
    const teamId = sb.sandbox.store.state.team.teamId;
    const dir = JobJournal.jobsDir(first.dataDir, teamId);
    // What a partial write followed by a good append leaves: torn bytes, then whole lines after them.
    const journal = join(dir, torn.plan.jobId, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${lines[0]}\n{"e":"outc${lines.slice(1).join('\n')}`);
    const auditDir = join(first.dataDir, 'audit');
    const [auditFile] = readdirSync(auditDir);
    appendFileSync(join(auditDir, auditFile), '{"time":"20\n' + readFileSync(join(auditDir, auditFile), 'utf8').split('\n')[0] + '\n');

    const again = startJobs(sb, { dataDir: first.dataDir });
    expect(again.jobs.list().map((j) => j.jobId)).toEqual([whole.plan.jobId]);
    expect(again.jobs.damaged()).toEqual([{ jobId: torn.plan.jobId, reason: expect.stringMatching(/^Its journal is damaged: line \d+ of journal\.jsonl is not valid JSON\.$/) }]);
    const entries = again.jobs.auditLog.read();
    expect(entries.map((e) => e.jobId)).toEqual([whole.plan.jobId, torn.plan.jobId, whole.plan.jobId]);
    expect(again.jobs.auditLog.damage).toMatch(/^The audit log has 1 damaged line \(line 3\)/);
    await again.jobs.close();
  });
});
