import type { ItemResult, JobProgress, JobState, JobSummary } from '../../../../preload/contract.js';

/** A job's state as the admin reads it. */
export const JOB_STATE_WORDS: Record<JobState, string> = {
  planned: 'Not started',
  running: 'Running',
  pausing: 'Pausing…',
  paused: 'Paused',
  cancelling: 'Cancelling…',
  cancelled: 'Cancelled',
  finished: 'Finished',
  interrupted: 'Interrupted (Teamkeeper stopped while it ran)',
};

/** A job that is working right now (its buttons wait for it to stop). */
export function isActive(job: Pick<JobSummary, 'state'>): boolean {
  return job.state === 'running' || job.state === 'pausing' || job.state === 'cancelling';
}

/** What the admin may do to a job in its state. */
export function jobControls(job: Pick<JobSummary, 'state' | 'resumable'>): { pause: boolean; resume: boolean; cancel: boolean } {
  return {
    pause: job.state === 'running',
    resume: job.resumable,
    cancel: job.state === 'running' || job.state === 'paused' || job.state === 'interrupted',
  };
}

/** "120 of 300 done · 2 failed · 1 skipped · 3 unconfirmed · 174 not run yet" (zero counts left out, except done). */
export function progressWords(p: JobProgress): string {
  const parts = [`${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} done`];
  if (p.failed) parts.push(`${p.failed.toLocaleString('en-US')} failed`);
  if (p.skipped) parts.push(`${p.skipped.toLocaleString('en-US')} skipped`);
  if (p.unconfirmed) parts.push(`${p.unconfirmed.toLocaleString('en-US')} unconfirmed`);
  if (p.pending) parts.push(`${p.pending.toLocaleString('en-US')} not run yet`);
  return parts.join(' · ');
}

/** "4.2 items a second" */
export function rateWords(perSecond: number): string {
  if (perSecond <= 0) return '';
  const shown = perSecond >= 10 ? Math.round(perSecond).toLocaleString('en-US') : perSecond.toLocaleString('en-US', { maximumFractionDigits: 1 });
  return `${shown} ${perSecond === 1 ? 'item' : 'items'} a second`;
}

/** "about 3 minutes left"; empty while there is no rate to go by. */
export function timeLeftWords(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 60) {
    const s = Math.ceil(seconds);
    return `about ${s} ${s === 1 ? 'second' : 'seconds'} left`;
  }
  if (seconds < 3600) {
    const m = Math.round(seconds / 60);
    return `about ${m} ${m === 1 ? 'minute' : 'minutes'} left`;
  }
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return `about ${h} h ${m} min left`;
}

/** "waiting for Dropbox until 12:03" while a Retry-After holds the job back. */
export function waitingWords(waitingUntil: number | null, now: number, formatTime: (ms: number) => string = clockTime): string {
  if (waitingUntil === null || waitingUntil <= now) return '';
  return `waiting for Dropbox until ${formatTime(waitingUntil)}`;
}

function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** An item's outcome in words: done / skipped: reason / failed: sentence (tag) / unconfirmed / pending. */
export function outcomeWords(outcome: ItemResult['outcome']): string {
  switch (outcome.outcome) {
    case 'done':
      return outcome.detail ? `Done: ${outcome.detail}` : 'Done';
    case 'skipped':
      return `Skipped: ${outcome.reason}`;
    case 'failed':
      return `Failed: ${outcome.message}${outcome.tag ? ` (Dropbox: ${outcome.tag})` : ''}`;
    case 'unconfirmed':
      return `Unconfirmed: ${outcome.message} Resume checks it with Dropbox before sending anything again.`;
    case 'pending':
      return 'Not run yet';
  }
}

/** What an item acted on, for its row: the member's email, or the address an invite names. */
export function itemSubject(item: Pick<ItemResult, 'member' | 'input'>): string {
  if (item.member) return item.member.email;
  const input = item.input;
  if (input && typeof input === 'object') {
    const fields = input as Record<string, unknown>;
    for (const key of ['member', 'email']) if (typeof fields[key] === 'string') return fields[key];
  }
  return '';
}

/** The jobs the admin should look at after a restart: stopped with work left. */
export function unfinishedJobs(jobs: readonly JobSummary[]): JobSummary[] {
  return jobs.filter((j) => j.resumable && !isActive(j));
}
