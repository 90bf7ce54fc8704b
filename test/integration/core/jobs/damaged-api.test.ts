import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JobSummary } from '../../../../preload/contract.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';
import { members } from '../../../support/jobs-fixture.js';
import { startHostedCore, type HostedCore } from './host-api.js';

const SANDBOX = { members: 30, seed: 23 };
let h: HostedCore | undefined;

afterAll(() => h?.close());

async function untilFinished(api: HostedCore, jobId: string): Promise<JobSummary> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const job = (await api.call('listJobs')).find((j) => j.jobId === jobId)!;
    if (job.state === 'finished') return job;
    if (Date.now() > deadline) throw new Error(`job still ${job.state}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('damaged job folders and audit lines reach the renderer through the Api', () => {
  it('lists a job whose journal is torn with its reason, and a page of the audit log says how many lines could not be read', async () => {
    const first = await startHostedCore(SANDBOX);
    const [a, b] = members(first.core.service.sandboxTeam, 'active').slice(3, 5);
    const jobIds: string[] = [];
    for (const m of [a, b]) {
      const plan = await first.call('planJob', { kind: 'member.edit-profile', items: [{ member: m.email, surname: 'Kept' }] });
      await first.call('startJob', { jobId: plan.jobId });
      await untilFinished(first, plan.jobId);
      jobIds.push(plan.jobId);
    }
    expect(await first.call('listDamagedJobs')).toEqual([]);
    expect((await first.call('listAudit', { filter: {}, offset: 0, limit: 10 })).damage).toBeUndefined();
    const dataDir = first.core.dataDir;
    await first.close();

    // Torn bytes in the middle of the second job's journal, and a torn line followed by a whole one in the audit log.
    const journal = join(JobJournal.jobsDir(dataDir, 'sandbox'), jobIds[1], 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${lines[0]}\n{"e":"outc${lines.slice(1).join('\n')}`);
    const auditDir = join(dataDir, 'audit');
    const [auditFile] = readdirSync(auditDir);
    // A torn line is only damage when whole lines follow it (a torn last line is cut off on opening).
    const firstEntry = readFileSync(join(auditDir, auditFile), 'utf8').split('\n')[0];
    appendFileSync(join(auditDir, auditFile), `{"time":"20\n${firstEntry}\n`);

    h = await startHostedCore(SANDBOX, first.core);
    expect((await h.call('listJobs')).map((j) => j.jobId)).toEqual([jobIds[0]]);
    expect(await h.call('listDamagedJobs')).toEqual([{ jobId: jobIds[1], reason: expect.stringMatching(/^Its journal is damaged: line \d+ of journal\.jsonl is not valid JSON\.$/) }]);
    const page = await h.call('listAudit', { filter: {}, offset: 0, limit: 10 });
    expect(page.entries.map((e) => e.jobId).sort()).toEqual([jobIds[0], ...jobIds].sort());
    expect(page.damage).toMatch(/^The audit log has 1 damaged line \(line 3\) that could not be read; every other entry is shown\.$/);
  });
});
