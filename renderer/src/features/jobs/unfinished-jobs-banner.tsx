import { useJobsStore } from './jobs-store.js';
import { unfinishedJobs } from './format-job.js';
import { useViewStore } from '../navigation/view-store.js';
import { focusView } from '../navigation/app-nav.js';

/**
 * After a crash, a forced quit or closing the app mid-job: the jobs that
 * stopped with work left, said once at the top of every other view, with the
 * way to them. The Jobs view itself explains what resuming does.
 */
export function UnfinishedJobsBanner() {
  const count = useJobsStore((s) => unfinishedJobs(s.jobs).length);
  const damaged = useJobsStore((s) => s.damaged.length);
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  if (view === 'jobs' || (count === 0 && damaged === 0)) return null;

  const parts = [];
  if (count) parts.push(`${count} unfinished ${count === 1 ? 'job' : 'jobs'}`);
  if (damaged) parts.push(`${damaged} ${damaged === 1 ? 'job' : 'jobs'} that could not be read`);
  return (
    <section className="banner banner--warning app-banner" aria-label="Unfinished jobs">
      <span>
        {parts.join(' and ')}: {count ? `resume or cancel ${count === 1 ? 'it' : 'them'} in Jobs.` : 'see Jobs for what was kept.'}
      </span>
      <button
        type="button"
        className="button"
        onClick={() => {
          show('jobs');
          focusView('jobs');
        }}
      >
        Review
      </button>
    </section>
  );
}
