import { describe, expect, it } from 'vitest';
import type { DirectorySnapshot, MemberRow } from '../../../../preload/contract.js';
import { directoryDelta, sameRow } from '../../../../main/core/directory/delta.js';

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
});
