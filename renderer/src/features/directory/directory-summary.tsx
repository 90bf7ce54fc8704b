import { useDirectoryStore } from './directory-store.js';
import { formatCount } from './format.js';

/** "1,234 members · 12 shown", and the selection when there is one. */
export function DirectorySummary() {
  const total = useDirectoryStore((s) => s.directory?.members.length ?? 0);
  const shown = useDirectoryStore((s) => s.shown.length);
  const selected = useDirectoryStore((s) => s.selected.size);
  const clearSelection = useDirectoryStore((s) => s.clearSelection);
  return (
    <div className="summary">
      <p className="summary__count" role="status">
        {formatCount(total, 'member', 'members')} · {shown.toLocaleString()} shown
      </p>
      {selected > 0 && (
        <p className="summary__selection">
          <span role="status">{selected.toLocaleString()} selected</span>
          <button type="button" className="button button--link" onClick={clearSelection}>
            Clear selection
          </button>
        </p>
      )}
    </div>
  );
}
