import { DirectoryView } from '../directory/directory-view.js';
import { JobsView } from '../jobs/jobs-view.js';
import { AuditView } from '../audit/audit-view.js';
import { useViewStore } from './view-store.js';

/**
 * The view the nav chose. The directory stays mounted while hidden: its rows,
 * scroll place, filters and selection are there when the admin comes back.
 * The others read fresh each time they open.
 */
export function ViewSwitcher() {
  const view = useViewStore((s) => s.view);
  return (
    <>
      <div className="view-frame" hidden={view !== 'members'}>
        <DirectoryView />
      </div>
      {view === 'jobs' && <JobsView />}
      {view === 'audit' && <AuditView />}
    </>
  );
}
