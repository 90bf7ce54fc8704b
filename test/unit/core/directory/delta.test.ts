import { describe, expect, it } from 'vitest';
import type { DirectorySnapshot, MemberRow } from '../../../../preload/contract.js';
import { directoryDelta, positionsOf, ROW_FIELDS, RunningDiff, sameRow } from '../../../../main/core/directory/delta.js';

const row = (id: string, extra: Partial<MemberRow> = {}): MemberRow => ({
  id,
  email: `${id}@example.com`,
  name: id,
  givenName: id,
  surname: 'X',
  status: 'active',
  roleIds: [],
  groupIds: ['g1'],
  membershipType: 'full',
  emailVerified: true,
  ...extra,
});
const snap = (version: string, members: MemberRow[], groups = [{ id: 'g1', name: 'Sales' }]): DirectorySnapshot => ({
  connectionId: 'c',
  version,
  syncedAt: `${version}T`,
  includeRemoved: false,
  members,
  groups,
  roles: [],
});

describe('directoryDelta', () => {
  it('is empty between two syncs of an unchanged team, even with fresh row objects', () => {
    const d = directoryDelta(snap('1', [row('a'), row('b')]), snap('2', [row('a'), row('b')]));
    expect(d).toEqual({ connectionId: 'c', from: '1', to: '2', syncedAt: '2T', includeRemoved: false, upserted: [], removed: [] });
  });

  it('names changed, added and removed members, and groups only when they changed', () => {
    const d = directoryDelta(snap('1', [row('a'), row('b'), row('c')]), snap('2', [row('a', { groupIds: ['g1', 'g2'] }), row('c'), row('d')], [{ id: 'g1', name: 'Revenue' }]));
    expect(d.upserted.map((m) => m.id)).toEqual(['a', 'd']);
    expect(d.removed).toEqual(['b']);
    expect(d.groups).toEqual([{ id: 'g1', name: 'Revenue' }]);
    expect(d.roles).toBeUndefined();
  });

  it('tells rows apart by any field, including an optional one appearing', () => {
    expect(sameRow(row('a'), row('a'))).toBe(true);
    expect(sameRow(row('a'), row('a', { externalId: 'e1' }))).toBe(false);
    expect(sameRow(row('a', { roleIds: ['r1'] }), row('a', { roleIds: ['r2'] }))).toBe(false);
    expect(sameRow(row('a', { status: 'suspended' }), row('a'))).toBe(false);
  });

  it('compares every field of ROW_FIELDS (sameRow is written out, so a field it forgot would go unseen)', () => {
    const full = row('a', { recoverable: false, roleIds: ['r1'], joinedOn: 'j', invitedOn: 'i', suspendedOn: 's', externalId: 'e', status: 'removed' });
    const other = (v: unknown): unknown => (typeof v === 'boolean' ? !v : Array.isArray(v) ? [...v, 'x'] : `${String(v)}-changed`);
    for (const field of ROW_FIELDS) {
      expect({ field, same: sameRow(full, { ...full, [field]: other(full[field]) }) }).toEqual({ field, same: false });
      // An optional field appearing or going (arrays are always there).
      if (!Array.isArray(full[field])) expect({ field, same: sameRow(full, { ...full, [field]: undefined }) }).toEqual({ field, same: false });
    }
    expect(sameRow(full, { ...full, roleIds: [...full.roleIds] })).toBe(true);
  });
});

describe('RunningDiff (the diff built page by page during a sync)', () => {
  const before = snap('1', [row('a'), row('b'), row('c'), row('d')]);
  const positions = positionsOf(before.members);
  const fed = (pages: MemberRow[][], after: DirectorySnapshot) => {
    const diff = new RunningDiff(before, positions);
    for (const page of pages) diff.add(page);
    return { delta: diff.finish(after), positions: diff.positionsAfter(after) };
  };

  it('gives what directoryDelta gives, however the listing is split into pages', () => {
    const members = [row('a'), row('c', { status: 'suspended' }), row('d'), row('e')];
    const after = snap('2', members);
    const whole = directoryDelta(before, after);
    expect(whole.upserted.map((m) => m.id)).toEqual(['c', 'e']);
    expect(whole.removed).toEqual(['b']);
    for (const pages of [[members], [members.slice(0, 1), members.slice(1, 3), members.slice(3)], members.map((m) => [m])]) {
      expect(fed(pages, after).delta).toEqual(whole);
    }
  });

  it('keeps the rows it already held for unchanged members, and their positions when the order held', () => {
    const members = [row('a'), row('b', { name: 'Bea' }), row('c'), row('d')];
    const diff = new RunningDiff(before, positions);
    const kept = [...diff.add(members.slice(0, 2)), ...diff.add(members.slice(2))];
    const after = snap('2', kept);
    const delta = diff.finish(after);
    expect(delta.upserted.map((m) => m.id)).toEqual(['b']);
    expect(delta.removed).toEqual([]);
    // Unchanged: the objects of `before`; changed: the fresh row.
    expect(kept.map((m, i) => m === before.members[i])).toEqual([true, false, true, true]);
    expect(kept[1]).toBe(members[1]);
    expect(diff.positionsAfter(after)).toBe(positions);
  });

  it('finds members listed in another order by id, and gives the new order its own positions', () => {
    const members = [row('d'), row('b'), row('a'), row('c', { surname: 'Y' })];
    const { delta, positions: after } = fed([members.slice(0, 3), members.slice(3)], snap('2', members));
    expect(delta.upserted.map((m) => m.id)).toEqual(['c']);
    expect(delta.removed).toEqual([]);
    expect(after).not.toBe(positions);
    expect([...after]).toEqual([['d', 0], ['b', 1], ['a', 2], ['c', 3]]);
  });

  it('new positions when a member left or joined, even with everyone else in order', () => {
    for (const members of [[row('a'), row('b'), row('c')], [row('a'), row('b'), row('c'), row('d'), row('e')]]) {
      const { positions: after } = fed([members], snap('2', members));
      expect(after).not.toBe(positions);
      expect([...after.keys()]).toEqual(members.map((m) => m.id));
    }
  });

  it('still sees a member who left when another was listed twice (matched count alone would miss it)', () => {
    const members = [row('a'), row('b'), row('c'), row('b')];
    const { delta } = fed([members], snap('2', members));
    expect(delta.removed).toEqual(['d']);
    expect(delta.upserted).toEqual([]);
  });

  it('treats a member the positions do not know (e.g. removed, outside a narrowed view) as new', () => {
    const diff = new RunningDiff(snap('1', [row('a')]), positionsOf([row('a')]));
    diff.add([row('a'), row('z', { status: 'removed' })]);
    const d = diff.finish({ ...snap('2', [row('a'), row('z', { status: 'removed' })]), includeRemoved: true });
    expect(d.upserted.map((m) => m.id)).toEqual(['z']);
    expect(d.removed).toEqual([]);
    expect(d.includeRemoved).toBe(true);
  });
});
