import { useState } from 'react';
import type { AppErrorInfo, JobSummary } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useJobWatch } from './job-watch.js';
import { ErrorLine } from '../../components/error-line.js';

const STATE_WORDS: Record<string, string> = {
  planned: 'Starting…',
  running: 'Running…',
  pausing: 'Pausing…',
  paused: 'Paused. Nothing more is sent until you resume.',
  cancelling: 'Cancelling…',
  cancelled: 'Cancelled.',
  finished: 'Finished.',
  interrupted: 'Interrupted: the app stopped while the job ran. Resume checks items in doubt before sending anything again.',
};

/** The running job: how far it got, and Pause / Resume / Cancel. */
export function JobProgressView({ jobId }: { jobId: string }) {
  const watched = useJobWatch((s) => (s.watched?.jobId === jobId ? s.watched : null));
  const update = useJobWatch((s) => s.update);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [busy, setBusy] = useState(false);
  if (!watched) return null;
  const { state, progress } = watched;
  const finished = progress.done + progress.failed + progress.skipped + progress.unconfirmed;

  const control = async (call: (arg: { jobId: string }) => Promise<JobSummary>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      update(await call({ jobId }));
    } catch (err) {
      setError(toAppErrorInfo(err));
    } finally {
      setBusy(false);
    }
  };

  const canPause = state === 'running';
  const canResume = (state === 'paused' || state === 'interrupted') && watched.resumable;
  const canCancel = state === 'running' || state === 'paused' || state === 'interrupted';

  return (
    <div className="job-progress">
      <p>{STATE_WORDS[state] ?? state}</p>
      <progress className="job-progress__bar" max={progress.total} value={finished} aria-label="Items finished" />
      <p className="job-progress__counts">
        {finished.toLocaleString()} of {progress.total.toLocaleString()} finished: {progress.done.toLocaleString()} done, {progress.skipped.toLocaleString()} skipped,{' '}
        {progress.failed.toLocaleString()} failed
        {progress.unconfirmed > 0 ? `, ${progress.unconfirmed.toLocaleString()} not confirmed` : ''}
        {progress.waitingUntil !== null ? '. Dropbox asked Teamkeeper to wait a moment.' : '.'}
      </p>
      <p className="muted">Closing this dialog does not stop the job: it keeps running and stays listed under Jobs.</p>
      {error && (
        <ErrorLine>{error.message}</ErrorLine>
      )}
      <div className="dialog__actions">
        {canPause && (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void control((a) => api.pauseJob(a))}>
            Pause
          </button>
        )}
        {canResume && (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void control((a) => api.resumeJob(a))}>
            Resume
          </button>
        )}
        {canCancel && (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void control((a) => api.cancelJob(a))}>
            Cancel job
          </button>
        )}
      </div>
    </div>
  );
}
