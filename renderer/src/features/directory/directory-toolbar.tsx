import { useId, type ChangeEvent } from 'react';
import type { MemberStatus } from '../../../../preload/contract.js';
import { useDirectoryStore } from './directory-store.js';
import { markKeystroke } from '../../perf/perf-marks.js';
import { ExportCsvButton } from '../reports/export-csv-button.js';
import { InviteButton } from '../member-actions/invite-button.js';
import { ALL, ANY_ADMIN_ROLE, NO_ADMIN_ROLE, NO_GROUP } from './filter-members.js';
import { STATUS_LABELS } from './format.js';
import { RefreshButton } from './refresh-button.js';

const STATUSES: MemberStatus[] = ['active', 'invited', 'suspended', 'removed'];

/** Search, filters and the directory-wide actions above the table. */
export function DirectoryToolbar() {
  const id = useId();
  const directory = useDirectoryStore((s) => s.directory);
  const filter = useDirectoryStore((s) => s.filter);
  const includeRemoved = useDirectoryStore((s) => s.includeRemoved);
  const setFilter = useDirectoryStore((s) => s.setFilter);
  const setIncludeRemoved = useDirectoryStore((s) => s.setIncludeRemoved);

  const onSearch = (e: ChangeEvent<HTMLInputElement>) => {
    markKeystroke(e.nativeEvent.timeStamp);
    setFilter({ text: e.target.value });
  };

  return (
    <div className="toolbar">
      <div role="search" className="toolbar__search">
        <label htmlFor={`${id}-search`} className="visually-hidden">
          Search members
        </label>
        <input
          id={`${id}-search`}
          type="search"
          className="input input--search"
          placeholder="Search name, email or external ID"
          autoComplete="off"
          spellCheck={false}
          value={filter.text}
          onChange={onSearch}
        />
      </div>

      <div className="toolbar__field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          className="input"
          value={filter.status}
          onChange={(e) => setFilter({ status: e.target.value as MemberStatus | typeof ALL })}
        >
          <option value={ALL}>All statuses</option>
          {STATUSES.filter((s) => s !== 'removed' || includeRemoved).map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>

      <div className="toolbar__field">
        <label htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} className="input" value={filter.role} onChange={(e) => setFilter({ role: e.target.value })}>
          <option value={ALL}>All roles</option>
          <option value={ANY_ADMIN_ROLE}>Any admin role</option>
          <option value={NO_ADMIN_ROLE}>Member (no admin role)</option>
          {directory?.roles.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>

      <div className="toolbar__field">
        <label htmlFor={`${id}-group`}>Group</label>
        <select id={`${id}-group`} className="input" value={filter.group} onChange={(e) => setFilter({ group: e.target.value })}>
          <option value={ALL}>All groups</option>
          <option value={NO_GROUP}>In no group</option>
          {directory?.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>

      <label className="toolbar__toggle">
        <input type="checkbox" checked={includeRemoved} onChange={(e) => void setIncludeRemoved(e.target.checked)} />
        Include removed
      </label>

      <div className="toolbar__actions">
        <RefreshButton />
        <ExportCsvButton />
        <InviteButton />
      </div>
    </div>
  );
}
