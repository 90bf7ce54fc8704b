import { describe, expect, it } from 'vitest';
import { prepareDirectory } from '../../../renderer/src/features/directory/prepare-members.js';
import { keepExisting, setShown, shownSelection, toggleOne, toggleRange } from '../../../renderer/src/features/directory/selection.js';
import { memberRow, snapshotOf } from './member-fixtures.js';

const shown = prepareDirectory(snapshotOf(['A a', 'B b', 'C c', 'D d', 'E e'].map((name) => memberRow({ name })))).members;
const id = (i: number) => shown[i].row.id;

describe('selection', () => {
  it('toggles one member without touching the previous set', () => {
    const before = new Set([id(0)]);
    const after = toggleOne(before, id(1));
    expect([...after]).toEqual([id(0), id(1)]);
    expect([...toggleOne(after, id(0))]).toEqual([id(1)]);
    expect(before.size).toBe(1);
  });

  it('shift-click selects every shown row between the anchor and the clicked row, either direction', () => {
    expect([...toggleRange(new Set([id(3)]), shown, id(3), id(1))].sort()).toEqual([id(1), id(2), id(3)].sort());
    expect([...toggleRange(new Set(), shown, id(0), id(2))].sort()).toEqual([id(0), id(1), id(2)].sort());
  });

  it('shift-click on a selected row clears the range', () => {
    const all = new Set(shown.map((m) => m.row.id));
    expect([...toggleRange(all, shown, id(1), id(3))].sort()).toEqual([id(0), id(4)].sort());
  });

  it('without an anchor in view shift-click toggles just the row', () => {
    expect([...toggleRange(new Set(), shown, 'dbmid:gone', id(2))]).toEqual([id(2)]);
  });

  it('select all affects the shown rows only and reports none / some / all', () => {
    const hidden = 'dbmid:hidden';
    const sel = setShown(new Set([hidden]), shown.slice(0, 2), true);
    expect(sel.has(hidden)).toBe(true);
    expect(shownSelection(sel, shown.slice(0, 2))).toBe('all');
    expect(shownSelection(sel, shown)).toBe('some');
    expect(shownSelection(setShown(sel, shown, false), shown)).toBe('none');
    expect(shownSelection(new Set(), [])).toBe('none');
  });

  it('forgets members a sync no longer lists', () => {
    expect([...keepExisting(new Set([id(0), 'dbmid:gone']), (x) => x === id(0))]).toEqual([id(0)]);
  });
});
