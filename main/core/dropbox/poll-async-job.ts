import type { Dropbox, DropboxRequestOptions, DropboxResponse, async, team } from 'dropbox';
import { AppError } from '../errors.js';
import type { DropboxClient } from './client.js';
import { toAppError } from './errors.js';
import { systemClock, type Clock } from './scheduler/clock.js';

type Poll<T> = (dbx: Dropbox, arg: async.PollArg, options: DropboxRequestOptions) => Promise<DropboxResponse<T>>;

/** Dropbox's async-job status routes, by what launched the job. */
export const ASYNC_JOB_ROUTES = {
  members_add: {
    route: 'team/members/add/job_status/get_v2',
    poll: ((dbx, arg, o) => dbx.teamMembersAddJobStatusGetV2(arg, o)) as Poll<team.MembersAddJobStatusV2Result>,
  },
  members_remove: {
    route: 'team/members/remove/job_status/get',
    poll: ((dbx, arg, o) => dbx.teamMembersRemoveJobStatusGet(arg, o)) as Poll<async.PollEmptyResult>,
  },
  move_former_member_files: {
    route: 'team/members/move_former_member_files/job_status/check',
    poll: ((dbx, arg, o) => dbx.teamMembersMoveFormerMemberFilesJobStatusCheck(arg, o)) as Poll<async.PollEmptyResult>,
  },
  groups: {
    route: 'team/groups/job_status/get',
    poll: ((dbx, arg, o) => dbx.teamGroupsJobStatusGet(arg, o)) as Poll<async.PollEmptyResult>,
  },
} as const;

export type AsyncJobKind = keyof typeof ASYNC_JOB_ROUTES;

/** What the status route of `K` answers once the job is complete. */
export type AsyncJobResult<K extends AsyncJobKind> = K extends 'members_add' ? team.MemberAddV2Result[] : null;

export interface PollOptions {
  signal?: AbortSignal;
  clock?: Clock;
  /** Wait before the first poll; each later wait grows by half, up to maxIntervalMs. */
  firstIntervalMs?: number;
  maxIntervalMs?: number;
  /** Called after each in_progress answer, with the number of polls so far. */
  onInProgress?(polls: number): void;
}

interface StatusLike {
  '.tag': string;
  complete?: unknown;
  failed?: unknown;
}

/**
 * What one status answer means. Exported for the unit test of the tags the
 * sandbox never produces ("failed" with a message, unknown tags).
 */
export function readStatus(status: StatusLike): { state: 'in_progress' } | { state: 'complete'; value: unknown } | { state: 'failed'; error: AppError } {
  switch (status['.tag']) {
    case 'in_progress':
      return { state: 'in_progress' };
    case 'complete':
      return { state: 'complete', value: status.complete ?? null };
    case 'failed': {
      // Dropbox's failure text is free-form server wording: kept out of the sentence, which is ours.
      return { state: 'failed', error: new AppError('dropbox_error', 'Dropbox reported that the background job failed.', 'failed') };
    }
    default:
      return { state: 'failed', error: new AppError('dropbox_error', `Dropbox answered the job status with "${String(status['.tag']).slice(0, 40)}", which Teamkeeper does not know.`, 'other') };
  }
}

/**
 * Polls a Dropbox async job until it completes, through the connection's
 * scheduler (so Retry-After, retries and cancellation apply to every poll),
 * waiting longer between polls the longer the job runs. Resolves with the
 * complete payload; rejects with an AppError when the job failed, its id is
 * unknown (invalid_async_job_id), or the signal aborted.
 */
export async function pollAsyncJob<K extends AsyncJobKind>(client: DropboxClient, kind: K, asyncJobId: string, options: PollOptions = {}): Promise<AsyncJobResult<K>> {
  const { route, poll } = ASYNC_JOB_ROUTES[kind];
  const clock = options.clock ?? systemClock;
  const max = options.maxIntervalMs ?? 5_000;
  let interval = options.firstIntervalMs ?? 200;
  // The job was launched: whatever stops the wait, Dropbox may finish it, so a stop is never "not sent".
  const stopped = (): AppError =>
    new AppError('cancelled', 'Stopped waiting for the Dropbox job; it may still finish on its own.', undefined, { mayHaveApplied: true });
  for (let polls = 1; ; polls++) {
    let status: StatusLike;
    try {
      status = (await client.call(route, 'read', (dbx, o) => (poll as Poll<StatusLike>)(dbx, { async_job_id: asyncJobId }, o), { signal: options.signal })) as StatusLike;
    } catch (err) {
      if (toAppError(err).code === 'cancelled') throw stopped();
      throw err;
    }
    const read = readStatus(status);
    if (read.state === 'complete') return read.value as AsyncJobResult<K>;
    if (read.state === 'failed') throw read.error;
    options.onInProgress?.(polls);
    try {
      await clock.sleep(interval, options.signal);
    } catch (err) {
      throw options.signal?.aborted ? stopped() : toAppError(err);
    }
    interval = Math.min(max, Math.round(interval * 1.5));
  }
}
