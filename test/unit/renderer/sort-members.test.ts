import { describe, expect, it } from 'vitest';
import { prepareDirectory, type PreparedMember } from '../../../renderer/src/features/directory/prepare-members.js';
import { nextSort, sortMembers, SORT_KEYS, type SortKey } from '../../../renderer/src/features/directory/sort-members.js';
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

describe('sortMembers on a larger team', () => {
  // A plain comparator with the documented rules, to check the rank-based implementation against.
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const STATUS = { active: 0, invited: 1, suspended: 2, removed: 3 } as const;
  const byName = (a: PreparedMember, b: PreparedMember) => collator.compare(a.row.name, b.row.name) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
  const value = (m: PreparedMember, key: SortKey): string | number | undefined =>
    ({ name: m.row.name, email: m.row.email, status: STATUS[m.row.status], role: m.roleText, groups: m.groupText, since: m.since, externalId: m.row.externalId })[key];
  function reference(list: readonly PreparedMember[], key: SortKey, direction: 'asc' | 'desc'): string[] {
    const sign = direction === 'asc' ? 1 : -1;
    return [...list]
      .sort((a, b) => {
        const x = value(a, key);
        const y = value(b, key);
        const xb = x === undefined || x === '';
        const yb = y === undefined || y === '';
        if (xb || yb) return xb === yb ? byName(a, b) : xb ? 1 : -1;
        const c = typeof x === 'number' ? x - (y as number) : key === 'since' ? (x < y! ? -1 : x > y! ? 1 : 0) : collator.compare(String(x), String(y));
        return sign * c || byName(a, b);
      })
      .map((m) => m.row.id);
  }

  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const first = ['Ada', 'ada', 'Émile', 'Zoë', 'Łucja', 'Jo', 'jo'];
  const last = ['Brown', 'brown', 'de la Cruz', 'O’Brien', 'Müller', 'Mueller'];
  const statuses = ['active', 'invited', 'suspended', 'removed'] as const;
  const team = prepareDirectory(
    snapshotOf(
      Array.from({ length: 400 }, () =>
        memberRow({
          name: `${first[rnd(first.length)]} ${last[rnd(last.length)]}`,
          email: `user${rnd(50)}@example.com`,
          status: statuses[rnd(4)],
          externalId: rnd(3) === 0 ? undefined : `EMP${rnd(200)}`,
          joinedOn: rnd(4) === 0 ? undefined : `2025-0${1 + rnd(9)}-01T00:00:00Z`,
          roleIds: rnd(5) === 0 ? ['pid_dbtmr:team_admin'] : [],
          groupIds: rnd(2) === 0 ? ['g:sales'] : [],
        }),
      ),
    ),
  ).members;

  for (const key of SORT_KEYS) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`matches the plain comparator by ${key} ${direction}`, () => {
        expect(sortMembers(team, { key, direction }).map((m) => m.row.id)).toEqual(reference(team, key, direction));
      });
    }
  }
});
