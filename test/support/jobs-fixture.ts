import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { memberActionKinds } from '../../main/core/actions/index.js';
import type { DropboxClient } from '../../main/core/dropbox/client.js';
import { Jobs, type JobsDirectory } from '../../main/core/jobs/jobs.js';
import type { ItemResult, JobEngineEvent, JobPlan } from '../../preload/contract/jobs.js';
import type { RunningSandbox } from '../../main/sandbox/index.js';
import type { Member } from '../../main/sandbox/model/types.js';
import { TEAM_SCOPES } from '../../main/sandbox/index.js';
import { teamClient } from './team-client.js';

export interface JobsFixture {
  jobs: Jobs;
  client: DropboxClient;
  dataDir: string;
  events: JobEngineEvent[];
}

/** The job engine of a sandbox team with every member action, on a fresh (or given) data dir. */
export function startJobs(
  sb: RunningSandbox,
  options: { dataDir?: string; accessToken?: string; directory?: JobsDirectory; concurrency?: number; client?: DropboxClient } = {},
): JobsFixture {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'tk-jobs-'));
  const client = options.client ?? teamClient({ ...sb, accessToken: options.accessToken ?? sb.accessToken });
  const jobs = new Jobs({ client, dataDir, teamId: sb.sandbox.store.state.team.teamId, kinds: memberActionKinds(), directory: options.directory, concurrency: options.concurrency });
  const events: JobEngineEvent[] = [];
  jobs.on((e) => events.push(e));
  return { jobs, client, dataDir, events };
}

/** A token of another admin of the sandbox team (every scope), to act as someone other than the first admin. */
export function tokenOf(sb: RunningSandbox, adminId: string): string {
  return sb.sandbox.tokens.issueAccess(adminId, TEAM_SCOPES);
}

/** Plans, confirms as the plan asks, runs to the end; returns the plan and every item's result. */
export async function runJob(jobs: Jobs, kind: string, items: unknown[]): Promise<{ plan: JobPlan; results: ItemResult[] }> {
  const plan = await jobs.plan({ kind, items });
  await jobs.start(plan.jobId, plan.confirmation?.text);
  await jobs.whenStopped(plan.jobId);
  return { plan, results: jobs.items({ jobId: plan.jobId, offset: 0, limit: 1000 }).items };
}

/** Writes (non-read routes) the sandbox logged since its log was last cleared. */
export function writesLogged(sb: RunningSandbox, route?: string): Array<{ route: string; status: number; requestId: string }> {
  const reads = /get_info|list|get_available|job_status|get_authenticated_admin|token\//;
  return sb.sandbox.log.list().filter((r) => (route ? r.route === route : !reads.test(r.route)));
}

export function csvOf(write: (out: PassThrough) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  return write(out).then(() => Buffer.concat(chunks).toString('utf8'));
}

export function members(sb: RunningSandbox, status: Member['status'], plain = true): Member[] {
  return sb.sandbox.store.state.members.filter((m) => m.status === status && (!plain || m.roleIds.length === 0));
}
