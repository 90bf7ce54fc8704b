import { describe, expect, it } from 'vitest';
import { prepareDirectory } from '../../../renderer/src/features/directory/prepare-members.js';
import {
  ANY_ADMIN_ROLE,
  NO_ADMIN_ROLE,
  NO_FILTER,
  NO_GROUP,
  filterMembers,
  isFiltering,
  narrows,
  refilterMembers,
} from '../../../renderer/src/features/directory/filter-members.js';
import { memberRow, snapshotOf } from './member-fixtures.js';

const rows = prepareDirectory(
  snapshotOf([
    memberRow({ name: 'Chloé Dubois', externalId: 'EMP1001', roleIds: ['pid_dbtmr:team_admin'], groupIds: ['g:sales'] }),
    memberRow({ name: 'Ben Brown', status: 'invited', joinedOn: undefined, invitedOn: '2025-12-01T00:00:00Z', groupIds: ['g:eng'] }),
    memberRow({ name: 'Ada Andersen', status: 'suspended', email: 'ada@partner.example', roleIds: ['pid_dbtmr:user_admin'] }),
    memberRow({ name: 'Søren Müller', status: 'removed', groupIds: [] }),
  ]),
).members;

const names = (list: readonly { row: { name: string } }[]) => list.map((m) => m.row.name);

describe('filterMembers', () => {
  it('returns every row, in the given order, when nothing is filtered', () => {
    const out = filterMembers(rows, NO_FILTER);
    expect(names(out)).toEqual(names(rows));
    expect(out).not.toBe(rows);
  });

  it('matches name, email and external id, ignoring case and accents', () => {
    expect(names(filterMembers(rows, { ...NO_FILTER, text: 'chloe' }))).toEqual(['Chloé Dubois']);
    expect(names(filterMembers(rows, { ...NO_FILTER, text: 'MULLER' }))).toEqual(['Søren Müller']);
    expect(names(filterMembers(rows, { ...NO_FILTER, text: 'partner.example' }))).toEqual(['Ada Andersen']);
    expect(names(filterMembers(rows, { ...NO_FILTER, text: 'emp1001' }))).toEqual(['Chloé Dubois']);
  });

  it('needs every typed word to match, in any order', () => {
    expect(names(filterMembers(rows, { ...NO_FILTER, text: '  brown   ben ' }))).toEqual(['Ben Brown']);
    expect(filterMembers(rows, { ...NO_FILTER, text: 'ben dubois' })).toEqual([]);
  });

  it('does not match role or group names typed into search', () => {
    expect(filterMembers(rows, { ...NO_FILTER, text: 'sales' })).toEqual([]);
  });

  it('filters by status, role and group, combined with search', () => {
    expect(names(filterMembers(rows, { ...NO_FILTER, status: 'invited' }))).toEqual(['Ben Brown']);
    expect(names(filterMembers(rows, { ...NO_FILTER, role: ANY_ADMIN_ROLE }))).toEqual(['Chloé Dubois', 'Ada Andersen']);
    expect(names(filterMembers(rows, { ...NO_FILTER, role: NO_ADMIN_ROLE }))).toEqual(['Ben Brown', 'Søren Müller']);
    expect(names(filterMembers(rows, { ...NO_FILTER, role: 'pid_dbtmr:user_admin' }))).toEqual(['Ada Andersen']);
    expect(names(filterMembers(rows, { ...NO_FILTER, group: 'g:eng' }))).toEqual(['Ben Brown']);
    expect(names(filterMembers(rows, { ...NO_FILTER, group: NO_GROUP }))).toEqual(['Ada Andersen', 'Søren Müller']);
    expect(filterMembers(rows, { ...NO_FILTER, group: 'g:eng', text: 'ada' })).toEqual([]);
  });

  it('knows when a filter is active', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: 'a' })).toBe(true);
    expect(isFiltering({ ...NO_FILTER, group: NO_GROUP })).toBe(true);
  });
});

describe('prepareDirectory', () => {
  it('derives role and group text once, with "Member" for people without an admin role', () => {
    expect(rows.map((m) => m.roleText)).toEqual(['Team admin', 'Member', 'User management admin', 'Member']);
    expect(rows.map((m) => m.groupText)).toEqual(['Sales', 'Engineering', '', '']);
    expect(rows[1].since).toBe('2025-12-01T00:00:00Z');
  });

  it('keeps an unknown role or group id visible rather than blank', () => {
    const [m] = prepareDirectory(snapshotOf([memberRow({ name: 'Nora Nakamura', groupIds: ['g:gone'] })])).members;
    expect(m.groupText).toBe('g:gone');
  });
});

describe('refilterMembers', () => {
  const base = { ...NO_FILTER, text: 'a' };

  it('narrows from the shown rows while typing on', () => {
    expect(narrows(base, { ...base, text: 'ad' })).toBe(true);
    expect(narrows({ ...base, text: 'ada' }, { ...base, text: 'ada b' })).toBe(true);
    expect(narrows({ ...base, text: 'ada b' }, { ...base, text: 'ada br' })).toBe(true);
    expect(narrows(NO_FILTER, base)).toBe(true);
  });

  it('starts over from all rows when the search widens or another filter changes', () => {
    expect(narrows({ ...base, text: 'ad' }, base)).toBe(false);
    expect(narrows({ ...base, text: 'ada' }, { ...base, text: 'adb' })).toBe(false);
    expect(narrows(base, { ...base, status: 'invited' })).toBe(false);
    expect(narrows({ ...base, group: NO_GROUP }, base)).toBe(false);
  });

  it('gives the same rows as filtering everything, only faster', () => {
    const steps = ['', 'a', 'an', 'and', 'and ', 'and a', 'an', 'b', 'brown ben', ''];
    let view = { shown: rows.slice(), filter: NO_FILTER };
    for (const text of steps) {
      const filter = { ...NO_FILTER, text };
      const shown = refilterMembers(rows, view, filter);
      expect(names(shown)).toEqual(names(filterMembers(rows, filter)));
      view = { shown, filter };
    }
  });
});
