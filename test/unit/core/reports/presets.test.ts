import { describe, expect, it } from 'vitest';
import type { DirectorySnapshot, MemberRow } from '../../../../preload/contract.js';
import { headerOf, isoDate, nameLookup, pickColumns, rowOf } from '../../../../main/core/reports/columns.js';
import { membersToExport } from '../../../../main/core/reports/export-members.js';
import { exportFileName } from '../../../../main/core/reports/presets.js';
import { CSV_PRESETS, presetById } from '../../../../preload/csv-report.js';
import type { CsvPreset } from '../../../../preload/contract.js';

function member(id: string, over: Partial<MemberRow> = {}): MemberRow {
  return {
    id,
    email: `${id}@example.com`,
    name: `Name ${id}`,
    givenName: 'Name',
    surname: id,
    status: 'active',
    roleIds: [],
    groupIds: [],
    membershipType: 'full',
    emailVerified: true,
    ...over,
  };
}

const members = [
  member('a', { roleIds: ['pid_dbtmr:admin'], groupIds: ['g1', 'g2'], joinedOn: '2024-03-01T10:00:00Z' }),
  member('b', { status: 'invited', invitedOn: '2025-01-02T03:04:05Z' }),
  member('c', { status: 'suspended', suspendedOn: '2025-02-03T00:00:00Z' }),
  member('d', { status: 'removed', roleIds: ['pid_dbtmr:admin'] }),
  member('e', { roleIds: ['pid_dbtmr:support'] }),
];

const snapshot: DirectorySnapshot = {
  connectionId: 'sandbox',
  version: 'fixture.1',
  syncedAt: '2026-01-01T00:00:00Z',
  includeRemoved: true,
  members,
  groups: [
    { id: 'g1', name: 'Sales' },
    { id: 'g2', name: 'Design' },
  ],
  roles: [
    { id: 'pid_dbtmr:admin', name: 'Team admin' },
    { id: 'pid_dbtmr:support', name: 'Support admin' },
  ],
};
const byId = (id: string) => members.find((m) => m.id === id);

describe('presets', () => {
  it('narrow the whole team to who each report is about', () => {
    const ids = (preset: CsvPreset) => membersToExport(snapshot, byId, { scope: { kind: 'team' }, columns: ['email'], preset }).map((m) => m.id);
    expect(ids('member_report')).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids('pending_invites')).toEqual(['b']);
    expect(ids('suspended')).toEqual(['c']);
    // A removed member holds no admin power any more.
    expect(ids('admins')).toEqual(['a', 'e']);
  });

  it('choose columns that fit the report', () => {
    expect(presetById('pending_invites').columns).toContain('invited_on');
    expect(presetById('pending_invites').columns).not.toContain('joined_on');
    expect(presetById('suspended').columns).toContain('suspended_on');
    expect(presetById('admins').columns).toContain('role');
    for (const p of CSV_PRESETS) expect(pickColumns(p.columns)).toEqual(p.columns);
  });

  it('name the file after the preset and the local date', () => {
    const when = new Date(2026, 0, 31, 23, 59);
    expect(exportFileName('pending_invites', when)).toBe('pending-invites-2026-01-31.csv');
    expect(exportFileName(undefined, when)).toBe('members-2026-01-31.csv');
  });
});

describe('membersToExport with chosen members', () => {
  it('keeps the order of the view and ignores the preset filter', () => {
    const out = membersToExport(snapshot, byId, { scope: { kind: 'members', ids: ['e', 'b', 'a'] }, columns: ['email'], preset: 'suspended' });
    expect(out.map((m) => m.id)).toEqual(['e', 'b', 'a']);
  });

  it('refuses ids that are not in the directory', () => {
    expect(() => membersToExport(snapshot, byId, { scope: { kind: 'members', ids: ['a', 'zzz'] }, columns: ['email'] })).toThrow(/not in the directory/);
  });
});

describe('columns', () => {
  const names = nameLookup(snapshot.roles, snapshot.groups);

  it('drops duplicate and unknown columns, keeping the order picked', () => {
    expect(pickColumns(['email', 'name', 'email', 'nope'])).toEqual(['email', 'name']);
  });

  it('label the header for people', () => {
    expect(headerOf(['name', 'team_member_id', 'email_verified'])).toEqual(['Name', 'Team member ID', 'Email verified']);
  });

  it('show role and group names, "Member" for plain members, and ISO dates', () => {
    expect(rowOf(members[0], ['role', 'groups', 'joined_on'], names)).toEqual(['Team admin', 'Sales; Design', '2024-03-01T10:00:00Z']);
    expect(rowOf(members[1], ['role', 'groups', 'invited_on', 'joined_on'], names)).toEqual(['Member', '', '2025-01-02T03:04:05Z', '']);
  });

  it('normalise timestamps to ISO 8601 UTC', () => {
    expect(isoDate('2025-01-02T03:04:05.678+02:00')).toBe('2025-01-02T01:04:05Z');
    expect(isoDate(undefined)).toBe('');
  });
});
