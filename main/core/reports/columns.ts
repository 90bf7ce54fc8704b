import { CSV_COLUMNS, MEMBER_ROLE_LABEL, type CsvColumn, type MemberRow, type NamedRef } from '../../../preload/contract.js';
import { CSV_COLUMN_LABELS } from '../../../preload/csv-report.js';

const ISO_UTC_SECONDS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** Dropbox timestamps as ISO 8601 UTC to the second; anything unparsable passes through. */
export function isoDate(value: string | undefined): string {
  if (!value) return '';
  // What Dropbox sends already: no need to parse 150,000 dates of a big export.
  if (ISO_UTC_SECONDS.test(value)) return value;
  const t = Date.parse(value);
  return Number.isNaN(t) ? value : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface NameLookup {
  role(id: string): string;
  group(id: string): string;
}

export function nameLookup(roles: readonly NamedRef[], groups: readonly NamedRef[]): NameLookup {
  const r = new Map(roles.map((x) => [x.id, x.name]));
  const g = new Map(groups.map((x) => [x.id, x.name]));
  return { role: (id) => r.get(id) ?? id, group: (id) => g.get(id) ?? id };
}

type Cell = (m: MemberRow, names: NameLookup) => string;

const CELLS: Record<CsvColumn, Cell> = {
  name: (m) => m.name,
  email: (m) => m.email,
  status: (m) => m.status,
  role: (m, n) => (m.roleIds.length ? m.roleIds.map(n.role).join('; ') : MEMBER_ROLE_LABEL),
  groups: (m, n) => m.groupIds.map(n.group).join('; '),
  joined_on: (m) => isoDate(m.joinedOn),
  invited_on: (m) => isoDate(m.invitedOn),
  suspended_on: (m) => isoDate(m.suspendedOn),
  external_id: (m) => m.externalId ?? '',
  team_member_id: (m) => m.id,
  given_name: (m) => m.givenName,
  surname: (m) => m.surname,
  membership_type: (m) => m.membershipType,
  email_verified: (m) => (m.emailVerified ? 'true' : 'false'),
};

/** The picked columns in the order given, each once; unknown names are dropped. */
export function pickColumns(columns: readonly string[]): CsvColumn[] {
  const known = new Set<string>(CSV_COLUMNS);
  return [...new Set(columns)].filter((c): c is CsvColumn => known.has(c));
}

export function headerOf(columns: readonly CsvColumn[]): string[] {
  return columns.map((c) => CSV_COLUMN_LABELS[c]);
}

export function rowOf(m: MemberRow, columns: readonly CsvColumn[], names: NameLookup): string[] {
  return columns.map((c) => CELLS[c](m, names));
}
