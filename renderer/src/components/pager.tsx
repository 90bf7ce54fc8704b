/** Previous / Next page; a disabled button stays in the Tab order so focus does not jump. */
export function Pager({ offset, total, pageSize, onOffset, what }: { offset: number; total: number; pageSize: number; onOffset(next: number): void; what: string }) {
  if (total <= pageSize) return null;
  const atStart = offset === 0;
  const atEnd = offset + pageSize >= total;
  return (
    <div className="pager" role="group" aria-label={`Pages of ${what}`}>
      <button type="button" className="button" aria-disabled={atStart || undefined} onClick={() => !atStart && onOffset(Math.max(0, offset - pageSize))}>
        Previous page
      </button>
      <span className="muted">
        Page {Math.floor(offset / pageSize) + 1} of {Math.ceil(total / pageSize)}
      </span>
      <button type="button" className="button" aria-disabled={atEnd || undefined} onClick={() => !atEnd && onOffset(offset + pageSize)}>
        Next page
      </button>
    </div>
  );
}

/** Where a page that started at `offset` starts once only `total` items are left: the last page, when it was past the end. */
export function lastPageWithin(offset: number, total: number, pageSize: number): number {
  if (offset < total || offset === 0) return offset;
  return Math.max(0, Math.ceil(total / pageSize) - 1) * pageSize;
}
