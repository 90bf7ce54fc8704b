import { useId } from 'react';
import type { JobSummary } from '../../../../preload/contract.js';
import { formatCount, formatDateTime } from '../directory/format.js';
import { useJobsStore } from './jobs-store.js';
import { JOB_STATE_WORDS, isActive, jobControls, progressWords, rateWords, timeLeftWords, waitingWords } from './format-job.js';
import { ErrorLine } from '../../components/error-line.js';

export const RESUME_NOTE = 'Resume checks every item in doubt with Dropbox first, and sends it again only if Dropbox does not have it: nothing is applied twice.';

interface JobCardProps {
  job: JobSummary;
  itemsOpen: boolean;
  onToggleItems(): void;
  onCancel(): void;
}

/** One job: what it is, where it stands, and the commands its state allows. */
export function JobCard({ job, itemsOpen, onToggleItems, onCancel }: JobCardProps) {
  const id = useId();
  const pending = useJobsStore((s) => s.pending[job.jobId]);
  const commandError = useJobsStore((s) => (s.commandError?.jobId === job.jobId ? s.commandError.error : null));
  const command = useJobsStore((s) => s.command);
  const controls = jobControls(job);
  const p = job.progress;
  const active = isActive(job);
  const settled = p.done + p.failed + p.skipped;
  const pace = active ? [rateWords(p.ratePerSecond), timeLeftWords(p.secondsLeft), waitingWords(p.waitingUntil, Date.now())].filter(Boolean).join(' · ') : '';
  const title = `${job.label}: ${formatCount(p.total, 'item', 'items')}`;

  return (
    <article className="job-card" aria-labelledby={`${id}-title`}>
      <div className="job-card__head">
        <h2 id={`${id}-title`} className="job-card__title">
          {title}
        </h2>
        <span className={`job-state job-state--${job.state}`}>{JOB_STATE_WORDS[job.state]}</span>
      </div>
      <p className="muted job-card__meta">
        Started {formatDateTime(job.createdAt)} · <span className="mono">{job.jobId}</span>
        {job.irreversible ? ' · cannot be undone' : ''}
      </p>
      <progress className="job-card__bar" max={p.total} value={settled} aria-label={`Progress of ${title}`} aria-describedby={`${id}-progress`} />
      <p id={`${id}-progress`} className="job-card__progress">
        {progressWords(p)}
      </p>
      {pace && <p className="muted job-card__pace">{pace}</p>}
      {controls.resume && (
        <p id={`${id}-resume`} className="job-card__note">
          {RESUME_NOTE}
        </p>
      )}
      <div className="job-card__actions">
        {controls.pause && (
          <button type="button" className="button" aria-describedby={`${id}-title`} aria-disabled={!!pending || undefined} onClick={() => void command(job.jobId, 'pause')}>
            {pending === 'pause' ? 'Pausing…' : 'Pause'}
          </button>
        )}
        {controls.resume && (
          <button
            type="button"
            className="button button--primary"
            aria-describedby={`${id}-title ${id}-resume`}
            aria-disabled={!!pending || undefined}
            onClick={() => void command(job.jobId, 'resume')}
          >
            {pending === 'resume' ? 'Resuming…' : 'Resume'}
          </button>
        )}
        {controls.cancel && (
          <button type="button" className="button" aria-describedby={`${id}-title`} aria-haspopup="dialog" aria-disabled={!!pending || undefined} onClick={onCancel}>
            {pending === 'cancel' ? 'Cancelling…' : 'Cancel job'}
          </button>
        )}
        <button type="button" className="button" aria-describedby={`${id}-title`} aria-expanded={itemsOpen} onClick={onToggleItems}>
          {itemsOpen ? 'Hide items' : 'Show items'}
        </button>
      </div>
      {commandError && (
        <ErrorLine>{commandError.message}</ErrorLine>
      )}
    </article>
  );
}
