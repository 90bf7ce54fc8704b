import type { async } from 'dropbox';
import { RouteError } from '../http/errors.js';
import type { SandboxConfig } from '../config.js';
import type { Job } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/** Jobs whose job_status route answers async.PollEmptyResult: nothing to report but done. */
type EmptyJobKind = Extract<Job['kind'], 'members_remove' | 'move_former_member_files' | 'groups'>;

/** Records a job whose state change is already made; it reports complete after asyncJobDelayMs. */
export function launchEmptyJob(store: TeamStore, config: SandboxConfig, kind: EmptyJobKind): Job {
  const job: Job = { id: store.mintId('dbjid:tk'), kind, readyAt: Date.now() + config.asyncJobDelayMs, outcome: { complete: null } };
  store.addJob(job);
  return job;
}

/** async.PollEmptyResult for a job of `kind` (in_progress until readyAt, then complete). */
export function pollEmptyJob(store: TeamStore, id: string, kind: EmptyJobKind): async.PollEmptyResult {
  const job = store.jobById(id);
  if (!job || job.kind !== kind) throw new RouteError('invalid_async_job_id');
  if (Date.now() < job.readyAt) return { '.tag': 'in_progress' };
  return { '.tag': 'complete' };
}
