import { useDirectoryStore } from './directory-store.js';
import { formatCount } from './format.js';
import { focusAfterRender, memberListRow } from './directory-focus.js';

/** Referenced by the grid (aria-describedby), so screen readers hear the keys too. */
export const GRID_KEYS_ID = 'member-grid-keys';

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
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              // This button leaves with the selection: the list it was about takes focus.
              clearSelection();
              focusAfterRender(memberListRow);
            }}
          >
            Clear selection
          </button>
        </p>
      )}
      <p id={GRID_KEYS_ID} className="summary__keys">
        In the list: <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>←</kbd> <kbd>→</kbd> scroll columns, <kbd>Enter</kbd> opens, <kbd>Space</kbd> selects, <kbd>Shift</kbd>+<kbd>F10</kbd> actions
      </p>
    </div>
  );
}
