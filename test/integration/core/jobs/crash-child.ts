/**
 * The job engine alone in its own process, for crash.test.ts to SIGKILL.
 * argv: url clientId accessToken dataDir teamId mode [itemsFile]
 * mode start: plans and starts the job in itemsFile; resume: resumes the unfinished job.
 * Prints "job <id>", then "item <index> <outcome>" per item, then "finished <state>".
 */
import { readFileSync } from 'node:fs';
import { memberActionKinds } from '../../../../main/core/actions/index.js';
import { DropboxClient } from '../../../../main/core/dropbox/client.js';
import { Jobs } from '../../../../main/core/jobs/jobs.js';

const [url, clientId, accessToken, dataDir, teamId, mode, itemsFile] = process.argv.slice(2);
const client = new DropboxClient({ clientId, baseUrl: url, scheduler: { backoffBaseMs: 10, backoffCapMs: 50, maxAttempts: 8 } });
client.auth.setTokens({ accessToken });
const jobs = new Jobs({ client, dataDir, teamId, kinds: memberActionKinds(), concurrency: 4 });
jobs.on((e) => {
  if (e.type === 'job.item') process.stdout.write(`item ${e.index} ${e.outcome.outcome}\n`);
});

let jobId: string;
if (mode === 'start') {
  const plan = await jobs.plan({ kind: 'member.edit-profile', items: JSON.parse(readFileSync(itemsFile, 'utf8')) });
  await jobs.start(plan.jobId, plan.confirmation?.text);
  // Printed once the plan is on disk: from here on a restart resumes.
  process.stdout.write(`job ${plan.jobId}\n`);
  jobId = plan.jobId;
} else {
  const open = jobs.list().find((j) => j.state !== 'finished' || j.progress.unconfirmed > 0);
  if (!open) throw new Error('no unfinished job to resume');
  jobId = open.jobId;
  process.stdout.write(`job ${jobId}\n`);
  await jobs.resume(jobId);
}
await jobs.whenStopped(jobId);
const state = jobs.list().find((j) => j.jobId === jobId)!;
process.stdout.write(`finished ${state.state} ${state.progress.unconfirmed}\n`);
await jobs.close();
