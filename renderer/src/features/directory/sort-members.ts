import type { MemberStatus } from '../../../../preload/contract.js';
import type { PreparedMember } from './prepare-members.js';

export const SORT_KEYS = ['name', 'email', 'status', 'role', 'groups', 'since', 'externalId'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export interface MemberSort {
  key: SortKey;
  direction: SortDirection;
}

export const DEFAULT_SORT: MemberSort = { key: 'name', direction: 'asc' };

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STATUS_ORDER: Record<MemberStatus, number> = { active: 0, invited: 1, suspended: 2, removed: 3 };

interface SortSpec {
  value(m: PreparedMember): string | number | undefined;
  /** Compare as text people read (collation); otherwise code-unit or numeric order. */
  collate: boolean;
}

const SPECS: Record<SortKey, SortSpec> = {
  name: { value: (m) => m.row.name, collate: true },
  email: { value: (m) => m.row.email, collate: true },
  status: { value: (m) => STATUS_ORDER[m.row.status], collate: false },
  role: { value: (m) => m.roleText, collate: true },
  groups: { value: (m) => m.groupText, collate: true },
  // ISO 8601 strings from one source sort correctly as plain strings.
  since: { value: (m) => m.since, collate: false },
  externalId: { value: (m) => m.row.externalId, collate: true },
};

function compareValues(x: string | number, y: string | number, collate: boolean): number {
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (collate) return collator.compare(String(x), String(y));
  return x < y ? -1 : x > y ? 1 : 0;
}

function tieBreak(a: PreparedMember, b: PreparedMember): number {
  return collator.compare(a.row.name, b.row.name) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0);
}

/**
 * A sorted copy. Blank cells go last in both directions; ties fall back to
 * name then id so the order never jitters between refreshes.
 */
export function sortMembers(rows: readonly PreparedMember[], sort: MemberSort): PreparedMember[] {
  const { value, collate } = SPECS[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const xBlank = x === undefined || x === '';
    const yBlank = y === undefined || y === '';
    if (xBlank || yBlank) return xBlank === yBlank ? tieBreak(a, b) : xBlank ? 1 : -1;
    return sign * compareValues(x, y, collate) || tieBreak(a, b);
  });
}

/** Clicking a column: ascending first, then flip. */
export function nextSort(current: MemberSort, key: SortKey): MemberSort {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
