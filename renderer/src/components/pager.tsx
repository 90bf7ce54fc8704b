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
