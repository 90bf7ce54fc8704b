import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useDirectoryStore } from './directory-store.js';
import { tableCommitted } from '../../perf/perf-marks.js';
import { DIRECTORY_COLUMNS, HEADER_HEIGHT, ROW_HEIGHT } from './columns.js';
import { MemberRow } from './member-row.js';
import { shownSelection } from './selection.js';
import { GRID_KEYS_ID } from './directory-summary.js';
import { ROW_MENU_ATTR } from '../member-actions/action-menu.js';

const PAGE_ROWS = 10;
/** One Left/Right press scrolls about one narrow column. */
const SCROLL_STEP_PX = 120;

const rowHeight = () => ROW_HEIGHT;

/**
 * The member grid. Only the rows in view exist in the DOM; aria-rowcount and
 * aria-rowindex tell assistive technology where they sit in the whole list.
 * One row at a time is in the Tab order (roving tabindex): Tab enters the
 * grid, arrows move, Enter opens the member, Space ticks the box.
 */
export function MemberTable() {
  const shown = useDirectoryStore((s) => s.shown);
  const selected = useDirectoryStore((s) => s.selected);
  const sort = useDirectoryStore((s) => s.sort);
  const filter = useDirectoryStore((s) => s.filter);
  const sortBy = useDirectoryStore((s) => s.sortBy);
  const toggleSelected = useDirectoryStore((s) => s.toggleSelected);
  const selectShown = useDirectoryStore((s) => s.selectShown);
  const openDetail = useDirectoryStore((s) => s.openDetail);

  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const focusRequest = useRef<number | null>(null);

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    // Fixed heights and the default index keys: with 50,000 rows the virtualizer
    // then redoes its measurements only when the row count changes.
    estimateSize: rowHeight,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    // A first guess of the viewport so the very first commit already has rows (no empty frame).
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });

  useLayoutEffect(() => {
    tableCommitted();
  }, [shown]);

  useEffect(() => {
    setActiveIndex(0);
    const el = scrollRef.current;
    if (el && el.scrollTop !== 0) el.scrollTop = 0;
  }, [filter, sort]);

  const items = virtualizer.getVirtualItems();
  const firstRendered = items.length > 0 ? items[0].index : 0;
  const lastRendered = items.length > 0 ? items[items.length - 1].index : -1;
  const clampedActive = Math.min(activeIndex, Math.max(0, shown.length - 1));
  const tabbableIndex = clampedActive >= firstRendered && clampedActive <= lastRendered ? clampedActive : firstRendered;

  const moveTo = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(shown.length - 1, index));
      focusRequest.current = target;
      setActiveIndex(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
    },
    [shown.length, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    const attr = target.getAttribute('data-row-index');
    if (attr === null) return;
    const index = Number(attr);
    const member = shown[index];
    if (!member) return;
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE_ROWS,
      PageUp: index - PAGE_ROWS,
      Home: 0,
      End: shown.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      moveTo(moves[e.key]);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // Rows are the unit of focus; sideways the grid scrolls, so columns off to the right are reachable.
      e.preventDefault();
      scrollRef.current?.scrollBy({ left: e.key === 'ArrowRight' ? SCROLL_STEP_PX : -SCROLL_STEP_PX });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      openDetail(member.row.id);
    } else if (e.key === ' ') {
      e.preventDefault();
      toggleSelected(member.row.id, e.shiftKey);
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      // The row's actions menu, the way a desktop list opens its context menu.
      e.preventDefault();
      target.querySelector<HTMLElement>(`[${ROW_MENU_ATTR}]`)?.click();
    }
  };

  // After a keyboard move the target row may only exist once the virtualizer
  // has scrolled to it, so look for it after every render until it is there.
  useEffect(() => {
    const wanted = focusRequest.current;
    if (wanted === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${wanted}"]`);
    if (el) {
      focusRequest.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const allState = useMemo(() => shownSelection(selected, shown), [selected, shown]);
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = allState === 'some';
  }, [allState]);

  return (
    <div
      ref={scrollRef}
      className="grid"
      role="grid"
      aria-label="Members"
      aria-describedby={GRID_KEYS_ID}
      aria-rowcount={shown.length + 1}
      aria-colcount={DIRECTORY_COLUMNS.length + 2}
      aria-multiselectable="true"
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="grid-head">
        <div role="row" aria-rowindex={1} className="grid-row grid-row--head">
          <div role="columnheader" className="cell cell--select" aria-label="Select">
            <input
              ref={selectAllRef}
              type="checkbox"
              aria-label="Select all shown members"
              checked={allState === 'all'}
              disabled={shown.length === 0}
              onChange={() => selectShown(allState !== 'all')}
            />
          </div>
          {DIRECTORY_COLUMNS.map((col) => {
            const active = sort.key === col.key;
            return (
              <div
                key={col.key}
                role="columnheader"
                className={col.key === 'name' ? 'cell cell--name' : 'cell'}
                aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                <button type="button" className="sort-button" onClick={() => sortBy(col.key)}>
                  {col.label}
                  <span className="sort-indicator" aria-hidden="true">
                    {active ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </div>
            );
          })}
          <div role="columnheader" className="cell cell--actions">
            <span className="visually-hidden">Actions</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const member = shown[item.index];
          return (
            <MemberRow
              key={item.key}
              member={member}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              selected={selected.has(member.row.id)}
              tabbable={item.index === tabbableIndex}
              onToggle={toggleSelected}
              onOpen={openDetail}
              onFocusRow={setActiveIndex}
            />
          );
        })}
      </div>
    </div>
  );
}
