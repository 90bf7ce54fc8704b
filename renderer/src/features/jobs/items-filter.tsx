import { useId } from 'react';
import type { ItemOutcomeFilter, JobProgress } from '../../../../preload/contract.js';

/** The choices, in the order an admin looks for them: what went wrong first. */
const CHOICES: Array<{ value: ItemOutcomeFilter; label: string; count: (p: JobProgress) => number }> = [
  { value: 'failed', label: 'Failed', count: (p) => p.failed },
  { value: 'unconfirmed', label: 'Unconfirmed', count: (p) => p.unconfirmed },
  { value: 'skipped', label: 'Skipped', count: (p) => p.skipped },
  { value: 'done', label: 'Done', count: (p) => p.done },
  { value: 'pending', label: 'Not run yet', count: (p) => p.pending },
];

/**
 * Which of a job's items to show: all of them, or one outcome, with the
 * job's counts beside each choice so the admin sees where to look. In a
 * 5,000-item job the few failures are otherwise pages apart.
 */
export function ItemsFilter({ progress, value, onChange }: { progress: JobProgress; value: ItemOutcomeFilter | null; onChange(next: ItemOutcomeFilter | null): void }) {
  const id = useId();
  return (
    <div className="items-filter">
      <label htmlFor={id}>Show</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as ItemOutcomeFilter))}>
        <option value="">All items ({progress.total.toLocaleString('en-US')})</option>
        {CHOICES.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label} ({c.count(progress).toLocaleString('en-US')})
          </option>
        ))}
      </select>
    </div>
  );
}
