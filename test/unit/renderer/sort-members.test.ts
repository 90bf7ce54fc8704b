import { describe, expect, it } from 'vitest';
import { prepareDirectory } from '../../../renderer/src/features/directory/prepare-members.js';
import { nextSort, sortMembers } from '../../../renderer/src/features/directory/sort-members.js';
import { memberRow, snapshotOf } from './member-fixtures.js';

const rows = prepareDirectory(
  snapshotOf([
    memberRow({ name: 'Zoë Zhang', externalId: 'EMP10', joinedOn: '2024-05-01T00:00:00Z' }),
    memberRow({ name: 'émile Evans', status: 'suspended', joinedOn: '2023-01-01T00:00:00Z' }),
    memberRow({ name: 'Ada Andersen', externalId: 'EMP9', status: 'invited', joinedOn: undefined, invitedOn: '2025-11-01T00:00:00Z' }),
    memberRow({ name: 'ada andersen', status: 'removed', joinedOn: undefined }),
  ]),
).members;

const names = (list: readonly { row: { name: string } }[]) => list.map((m) => m.row.name);

describe('sortMembers', () => {
  it('sorts names as people read them: case and accents do not push a name to the end', () => {
    expect(names(sortMembers(rows, { key: 'name', direction: 'asc' }))).toEqual(['Ada Andersen', 'ada andersen', 'émile Evans', 'Zoë Zhang']);
  });

  it('breaks ties by id so equal names keep one stable order in both directions', () => {
    const asc = names(sortMembers(rows, { key: 'name', direction: 'asc' }));
    const desc = names(sortMembers(rows, { key: 'name', direction: 'desc' }));
    expect(desc).toEqual(['Zoë Zhang', 'émile Evans', 'Ada Andersen', 'ada andersen']);
    expect(asc.slice(0, 2)).toEqual(desc.slice(2));
  });

  it('orders status by lifecycle, not alphabetically', () => {
    expect(sortMembers(rows, { key: 'status', direction: 'asc' }).map((m) => m.row.status)).toEqual(['active', 'invited', 'suspended', 'removed']);
  });

  it('puts blank cells last in both directions', () => {
    expect(names(sortMembers(rows, { key: 'externalId', direction: 'asc' }))).toEqual(['Ada Andersen', 'Zoë Zhang', 'ada andersen', 'émile Evans']);
    expect(names(sortMembers(rows, { key: 'externalId', direction: 'desc' })).slice(0, 2)).toEqual(['Zoë Zhang', 'Ada Andersen']);
    expect(names(sortMembers(rows, { key: 'since', direction: 'desc' })).at(-1)).toBe('ada andersen');
  });

  it('sorts joined / invited dates chronologically', () => {
    expect(names(sortMembers(rows, { key: 'since', direction: 'asc' }))).toEqual(['émile Evans', 'Zoë Zhang', 'Ada Andersen', 'ada andersen']);
  });

  it('leaves its input untouched', () => {
    const before = names(rows);
    sortMembers(rows, { key: 'email', direction: 'desc' });
    expect(names(rows)).toEqual(before);
  });
});

describe('nextSort', () => {
  it('starts a new column ascending and flips the current one', () => {
    expect(nextSort({ key: 'name', direction: 'asc' }, 'email')).toEqual({ key: 'email', direction: 'asc' });
    expect(nextSort({ key: 'name', direction: 'asc' }, 'name')).toEqual({ key: 'name', direction: 'desc' });
    expect(nextSort({ key: 'name', direction: 'desc' }, 'name')).toEqual({ key: 'name', direction: 'asc' });
  });
});
