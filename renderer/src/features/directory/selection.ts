import type { PreparedMember } from './prepare-members.js';

export type Selection = ReadonlySet<string>;

export function toggleOne(selection: Selection, id: string): Set<string> {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * Shift-click: every shown row between the anchor (last row clicked) and this
 * one takes this row's new state.
 */
export function toggleRange(selection: Selection, shown: readonly PreparedMember[], anchorId: string | null, id: string): Set<string> {
  const to = shown.findIndex((m) => m.row.id === id);
  const from = anchorId === null ? -1 : shown.findIndex((m) => m.row.id === anchorId);
  if (to < 0 || from < 0) return toggleOne(selection, id);
  const select = !selection.has(id);
  const next = new Set(selection);
  for (let i = Math.min(from, to); i <= Math.max(from, to); i++) {
    if (select) next.add(shown[i].row.id);
    else next.delete(shown[i].row.id);
  }
  return next;
}

export function setShown(selection: Selection, shown: readonly PreparedMember[], select: boolean): Set<string> {
  const next = new Set(selection);
  for (const m of shown) {
    if (select) next.add(m.row.id);
    else next.delete(m.row.id);
  }
  return next;
}

export type ShownSelection = 'none' | 'some' | 'all';

export function shownSelection(selection: Selection, shown: readonly PreparedMember[]): ShownSelection {
  if (selection.size === 0 || shown.length === 0) return 'none';
  let count = 0;
  for (const m of shown) if (selection.has(m.row.id)) count++;
  return count === 0 ? 'none' : count === shown.length ? 'all' : 'some';
}

/** After a sync: forget members that are no longer listed. */
export function keepExisting(selection: Selection, exists: (id: string) => boolean): Set<string> {
  const next = new Set<string>();
  for (const id of selection) if (exists(id)) next.add(id);
  return next;
}
