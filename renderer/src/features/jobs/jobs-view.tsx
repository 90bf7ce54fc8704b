import { useState } from 'react';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { StatusMessage } from '../../components/status-message.js';
import { formatCount } from '../directory/format.js';
import { useJobsStore } from './jobs-store.js';
import { JobCard } from './job-card.js';
import { JobItems } from './job-items.js';
import { isActive } from './format-job.js';
import '../../components/page.css';
import './jobs.css';

const ITEMS_HEADING = 'job-items-title';

/** Every job of the shown team, newest first, with its commands and, for one at a time, its items. */
export function JobsView() {
  const jobs = useJobsStore((s) => s.jobs);
  const damaged = useJobsStore((s) => s.damaged);
  const status = useJobsStore((s) => s.status);
  const error = useJobsStore((s) => s.error);
  const load = useJobsStore((s) => s.load);
  const command = useJobsStore((s) => s.command);
  const [openJobId, setOpenJobId] = useState<string | null>(null);
  const [cancelJobId, setCancelJobId] = useState<string | null>(null);
  const openJob = jobs.find((j) => j.jobId === openJobId);
  const cancelling = jobs.find((j) => j.jobId === cancelJobId);

  const toggleItems = (jobId: string) => {
    const opening = openJobId !== jobId;
    setOpenJobId(opening ? jobId : null);
    if (opening) requestAnimationFrame(() => document.getElementById(ITEMS_HEADING)?.focus());
  };

  return (
    <main className="page" aria-labelledby="jobs-title">
      <h1 id="jobs-title" className="page__title" tabIndex={-1}>
        Jobs
      </h1>
      {damaged.length > 0 && (
        <div className="banner banner--warning" role="status">
          <div>
            <p className="page__banner-title">
              {formatCount(damaged.length, 'job', 'jobs')} could not be read;{' '}
              {damaged.length === 1 ? 'its journal is kept as it is' : 'their journals are kept as they are'} in Teamkeeper's data folder.
            </p>
            <ul className="damaged-list">
              {damaged.map((d) => (
                <li key={d.jobId}>
                  <span className="mono">{d.jobId}</span>: {d.reason}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {status === 'error' && error && (
        <StatusMessage tone="error" title="Couldn't read the jobs" action={{ label: 'Retry', onClick: () => void load() }}>
          <p>{error.message}</p>
        </StatusMessage>
      )}
      {(status === 'loading' || status === 'idle') && jobs.length === 0 && <StatusMessage tone="busy" title="Loading jobs…" />}
      {status === 'ready' && jobs.length === 0 && (
        <StatusMessage tone="info" title="No jobs yet">
          <p>Every change made to members (an invite, a suspension, a removal…) runs as a job and is listed here with its results.</p>
        </StatusMessage>
      )}
      {jobs.length > 0 && (
        <ol className="job-list" aria-label="Jobs, newest first">
          {jobs.map((job) => (
            <li key={job.jobId}>
              <JobCard
                job={job}
                itemsOpen={openJobId === job.jobId}
                onToggleItems={() => toggleItems(job.jobId)}
                onCancel={() => setCancelJobId(job.jobId)}
              />
            </li>
          ))}
        </ol>
      )}
      {openJob && <JobItems key={openJob.jobId} job={openJob} headingId={ITEMS_HEADING} />}
      <ConfirmDialog
        open={cancelling !== undefined}
        onCancel={() => setCancelJobId(null)}
        onConfirm={async () => {
          const jobId = cancelJobId!;
          setCancelJobId(null);
          await command(jobId, 'cancel');
        }}
        title="Cancel this job?"
        description={
          cancelling && isActive(cancelling)
            ? 'Items already sent to Dropbox finish; no further item is sent.'
            : 'No further item of this job is sent; it can no longer be resumed.'
        }
        confirmLabel="Cancel job"
        cancelLabel="Keep the job"
      >
        {cancelling && (
          <p>
            {cancelling.label}: {cancelling.progress.done.toLocaleString('en-US')} of {cancelling.progress.total.toLocaleString('en-US')} done. What is done stays done.
          </p>
        )}
      </ConfirmDialog>
    </main>
  );
}
