/**
 * The job engine alone in its own process, for crash.test.ts to SIGKILL.
 * argv: url clientId accessToken dataDir teamId mode [itemsFile]
 * mode start: plans and starts the job in itemsFile; resume: resumes the unfinished job.
 * Prints "job <id>", then "item <n>" per item finished (counted from its progress), then "finished <state>".
 */
import { readFileSync } from 'node:fs';
import { memberActionKinds } from '../../../../main/core/actions/index.js';
import { DropboxClient } from '../../../../main/core/dropbox/client.js';
import { Jobs } from '../../../../main/core/jobs/jobs.js';

const [url, clientId, accessToken, dataDir, teamId, mode, itemsFile] = process.argv.slice(2);
const client = new DropboxClient({ clientId, baseUrl: url, scheduler: { backoffBaseMs: 10, backoffCapMs: 50, maxAttempts: 8 } });
client.auth.setTokens({ accessToken });
const jobs = new Jobs({ client, dataDir, teamId, kinds: memberActionKinds(), concurrency: 4 });
// job.item is not sent per item in a job this big: the items this run finished are counted from the engine's
// progress instead, read often enough that the parent can kill at fine-grained points.
const finishedOf = (id: string) => {
  const p = jobs.list().find((j) => j.jobId === id)?.progress;
  return p ? p.done + p.failed + p.skipped + p.unconfirmed : 0;
};
let counter: NodeJS.Timeout | undefined;
function countItems(id: string): void {
  let seen = finishedOf(id);
  counter = setInterval(() => {
    for (const now = finishedOf(id); seen < now; seen++) process.stdout.write(`item ${seen}\n`);
  }, 2);
}

let jobId: string;
if (mode === 'start') {
  const plan = await jobs.plan({ kind: 'member.edit-profile', items: JSON.parse(readFileSync(itemsFile, 'utf8')) });
  await jobs.start(plan.jobId, plan.confirmation?.text);
  countItems(plan.jobId);
  // Printed once the plan is on disk: from here on a restart resumes.
  process.stdout.write(`job ${plan.jobId}\n`);
  jobId = plan.jobId;
} else {
  const open = jobs.list().find((j) => j.state !== 'finished' || j.progress.unconfirmed > 0);
  if (!open) throw new Error('no unfinished job to resume');
  jobId = open.jobId;
  process.stdout.write(`job ${jobId}\n`);
  countItems(jobId);
  await jobs.resume(jobId);
}
await jobs.whenStopped(jobId);
const state = jobs.list().find((j) => j.jobId === jobId)!;
clearInterval(counter);
process.stdout.write(`finished ${state.state} ${state.progress.unconfirmed}\n`);
await jobs.close();
