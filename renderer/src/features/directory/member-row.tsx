import { memo, type ChangeEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { ActionMenu } from '../member-actions/action-menu.js';
import { STATUS_LABELS, formatDate } from './format.js';
import type { PreparedMember } from './prepare-members.js';

interface MemberRowProps {
  member: PreparedMember;
  /** Position in the current view (0-based). */
  index: number;
  top: number;
  selected: boolean;
  /** The one row reachable by Tab (roving tabindex). */
  tabbable: boolean;
  onToggle(id: string, range: boolean): void;
  onOpen(id: string): void;
  onFocusRow(index: number): void;
}

/** One member; memoised so a keystroke only renders rows whose data or state changed. */
export const MemberRow = memo(function MemberRow({ member, index, top, selected, tabbable, onToggle, onOpen, onFocusRow }: MemberRowProps) {
  const { row } = member;
  const onCheckboxChange = (e: ChangeEvent<HTMLInputElement>) => {
    const native = e.nativeEvent;
    onToggle(row.id, native instanceof MouseEvent && native.shiftKey);
  };
  return (
    <div
      role="row"
      className={`grid-row${selected ? ' grid-row--selected' : ''}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-row-index={index}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onOpen(row.id)}
      onFocus={() => onFocusRow(index)}
    >
      <div role="gridcell" className="cell cell--select">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={selected}
          aria-label={`Select ${row.name}`}
          // The row's own click opens the detail panel; ticking the box must not.
          onClick={stopPropagation}
          onChange={onCheckboxChange}
        />
      </div>
      <div role="gridcell" className="cell cell--name" title={row.name}>
        {row.name}
      </div>
      <div role="gridcell" className="cell" title={row.email}>
        {row.email}
      </div>
      <div role="gridcell" className="cell cell--status">
        <span className={`status status--${row.status}`}>
          {STATUS_LABELS[row.status]}
          {row.status === 'removed' && row.recoverable ? ' (recoverable)' : ''}
        </span>
      </div>
      <div role="gridcell" className="cell" title={member.roleText}>
        {member.roleText}
      </div>
      <div role="gridcell" className="cell" title={member.groupText}>
        {member.groupText}
      </div>
      <div role="gridcell" className="cell">
        {row.joinedOn ? formatDate(row.joinedOn) : row.invitedOn ? `Invited ${formatDate(row.invitedOn)}` : ''}
      </div>
      <div role="gridcell" className="cell cell--mono" title={row.externalId}>
        {row.externalId ?? ''}
      </div>
      <div role="gridcell" className="cell cell--actions">
        <ActionMenu member={row} inRow />
      </div>
    </div>
  );
});

function stopPropagation(e: ReactMouseEvent): void {
  e.stopPropagation();
}
