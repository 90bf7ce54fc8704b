import type { DirectorySnapshot, MemberRow } from '../../../preload/contract.js';

export const ROLES = [
  { id: 'pid_dbtmr:team_admin', name: 'Team admin' },
  { id: 'pid_dbtmr:user_admin', name: 'User management admin' },
];
export const GROUPS = [
  { id: 'g:sales', name: 'Sales' },
  { id: 'g:eng', name: 'Engineering' },
];

let next = 0;

export function memberRow(overrides: Partial<MemberRow> & { name: string }): MemberRow {
  next++;
  const [givenName = '', surname = ''] = overrides.name.split(' ');
  return {
    id: `dbmid:t${next}`,
    email: `${givenName.toLowerCase()}.${surname.toLowerCase()}@example.com`,
    givenName,
    surname,
    status: 'active',
    roleIds: [],
    groupIds: [],
    joinedOn: '2025-01-01T00:00:00Z',
    membershipType: 'full',
    emailVerified: true,
    ...overrides,
  };
}

export function snapshotOf(members: MemberRow[], includeRemoved = false): DirectorySnapshot {
  return { connectionId: 'sandbox', version: 'fixture.1', syncedAt: '2026-01-01T00:00:00Z', includeRemoved, members, groups: GROUPS, roles: ROLES };
}
