import { useEffect } from 'react';
import { useJobsStore } from '../jobs/jobs-store.js';
import { isActive, unfinishedJobs } from '../jobs/format-job.js';
import { VIEW_HEADINGS, VIEW_LABELS, VIEWS, useViewStore, type View } from './view-store.js';
import './navigation.css';

/** Moves focus to the view's heading once it is on screen, so a screen reader starts there. */
export function focusView(view: View): void {
  requestAnimationFrame(() => document.getElementById(VIEW_HEADINGS[view])?.focus());
}

/** Members, Jobs, Audit log: the app's views, one link each, the shown one marked as the current page. */
export function AppNav() {
  const view = useViewStore((s) => s.view);
  const show = useViewStore((s) => s.show);
  const load = useJobsStore((s) => s.load);

  // The badge and the unfinished-jobs banner need the list from the start, whichever view is shown.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <nav className="app-nav" aria-label="Views">
      <ul className="app-nav__list">
        {VIEWS.map((v) => (
          <li key={v}>
            <a
              href={`#${v}`}
              className="app-nav__link"
              aria-current={v === view ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                show(v);
                focusView(v);
              }}
            >
              {VIEW_LABELS[v]}
              {v === 'jobs' && <JobsBadge />}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "1 running · 2 unfinished", in words inside the link, so its name says it too. */
function JobsBadge() {
  const running = useJobsStore((s) => s.jobs.filter(isActive).length);
  const unfinished = useJobsStore((s) => unfinishedJobs(s.jobs).length);
  const parts = [running ? `${running} running` : '', unfinished ? `${unfinished} unfinished` : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <span className={`app-nav__badge${unfinished ? ' app-nav__badge--attention' : ''}`}>
      <span className="visually-hidden">, </span>
      {parts.join(' · ')}
    </span>
  );
}
