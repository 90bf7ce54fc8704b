import { describe, expect, it } from 'vitest';
import { withoutRemovedVersion, type DirectoryDelta } from '../../../preload/contract.js';
import { applyDelta, narrowDelta } from '../../../renderer/src/features/directory/apply-delta.js';
import { prepareDirectory } from '../../../renderer/src/features/directory/prepare-members.js';
import { memberRow, snapshotOf } from './member-fixtures.js';

const rows = [memberRow({ name: 'Ann Active' }), memberRow({ name: 'Bob Builder', groupIds: ['g:sales'] }), memberRow({ name: 'Cy Cole' })];
const base = prepareDirectory(snapshotOf(rows));
const delta = (d: Partial<DirectoryDelta>): DirectoryDelta => ({
  connectionId: 'sandbox',
  from: 'fixture.1',
  to: 'fixture.2',
  syncedAt: '2026-01-02T00:00:00Z',
  includeRemoved: false,
  upserted: [],
  removed: [],
  ...d,
});

describe('applyDelta', () => {
  it('keeps the same member list when nothing changed, with the new version and time', () => {
    const next = applyDelta(base, delta({}));
    expect(next.members).toBe(base.members);
    expect(next.byId).toBe(base.byId);
    expect(next).toMatchObject({ version: 'fixture.2', syncedAt: '2026-01-02T00:00:00Z' });
  });

  it('updates changed members, drops removed ones, appends new ones, and keeps the untouched objects', () => {
    const renamed = { ...rows[0], name: 'Ann Renamed' };
    const added = memberRow({ name: 'Dee New' });
    const next = applyDelta(base, delta({ upserted: [renamed, added], removed: [rows[1].id] }));
    expect(next.members.map((m) => m.row.name)).toEqual(['Ann Renamed', 'Cy Cole', 'Dee New']);
    expect(next.members[1]).toBe(base.members[2]);
    expect(next.byId.get(rows[0].id)?.searchKey).toContain('renamed');
    expect(next.byId.has(rows[1].id)).toBe(false);
    expect(next.byId.get(added.id)?.row).toBe(added);
  });

  it('renames groups on every row when the group names change', () => {
    const next = applyDelta(base, delta({ groups: [{ id: 'g:sales', name: 'Revenue' }] }));
    expect(next.byId.get(rows[1].id)?.groupText).toBe('Revenue');
    expect(next.groups).toEqual([{ id: 'g:sales', name: 'Revenue' }]);
  });

  it('gives the same directory as preparing the new snapshot whole', () => {
    const renamed = { ...rows[2], status: 'suspended' as const };
    const viaDelta = applyDelta(base, delta({ upserted: [renamed], removed: [rows[0].id] }));
    const whole = prepareDirectory({ ...snapshotOf([rows[1], renamed]), version: 'fixture.2', syncedAt: '2026-01-02T00:00:00Z' });
    expect({ ...viaDelta, byId: [...viaDelta.byId.keys()] }).toEqual({ ...whole, byId: [...whole.byId.keys()] });
  });
});

describe('narrowDelta', () => {
  it('turns a change between two snapshots with removed members into one for the copy without them', () => {
    const narrowed = prepareDirectory({ ...snapshotOf(rows), version: withoutRemovedVersion('fixture.1') });
    const renamed = { ...rows[0], name: 'Ann Renamed' };
    const nowRemoved = { ...rows[2], status: 'removed' as const, recoverable: true };
    const fuller = delta({ includeRemoved: true, upserted: [renamed, nowRemoved] });
    const d = narrowDelta(fuller);
    expect(d).toMatchObject({ from: 'fixture.1-active', to: 'fixture.2-active', includeRemoved: false, upserted: [renamed], removed: [rows[2].id] });
    const next = applyDelta(narrowed, d);
    expect(next.members.map((m) => m.row.name)).toEqual(['Ann Renamed', 'Bob Builder']);
    expect(next.version).toBe(withoutRemovedVersion('fixture.2'));
  });
});
