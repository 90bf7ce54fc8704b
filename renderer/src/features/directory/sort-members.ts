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

/** Collation is the costly part of sorting 50,000 rows: skip it for identical strings, which are common. */
function collate(x: string, y: string): number {
  return x === y ? 0 : collator.compare(x, y);
}

function compareIds(a: PreparedMember, b: PreparedMember): number {
  return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
}

interface NameOrder {
  /** Row indexes in name order (ties by id). */
  order: Int32Array;
  /** Each row's place in that order: the tie-break of every other column, as one integer comparison. */
  rank: Int32Array;
  /** Where a run of equal names starts in `order`, plus the end. */
  runStarts: number[];
}

const nameOrders = new WeakMap<readonly PreparedMember[], NameOrder>();

/** The one collated sort every ordering of a snapshot builds on; computed once per snapshot. */
function nameOrder(rows: readonly PreparedMember[]): NameOrder {
  const cached = nameOrders.get(rows);
  if (cached) return cached;
  const n = rows.length;
  const names = rows.map((m) => m.row.name);
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => collate(names[a], names[b]) || compareIds(rows[a], rows[b]));
  const rank = new Int32Array(n);
  const runStarts: number[] = [];
  for (let r = 0; r < n; r++) {
    rank[order[r]] = r;
    if (r === 0 || collate(names[order[r - 1]], names[order[r]]) !== 0) runStarts.push(r);
  }
  runStarts.push(n);
  const result = { order, rank, runStarts };
  nameOrders.set(rows, result);
  return result;
}

type Value = string | number | undefined;

const VALUES: Record<Exclude<SortKey, 'name'>, { of(m: PreparedMember): Value; collated: boolean }> = {
  email: { of: (m) => m.row.email, collated: true },
  status: { of: (m) => STATUS_ORDER[m.row.status], collated: false },
  role: { of: (m) => m.roleText, collated: true },
  groups: { of: (m) => m.groupText, collated: true },
  // ISO 8601 strings from one source sort correctly as plain strings.
  since: { of: (m) => m.since, collated: false },
  externalId: { of: (m) => m.row.externalId, collated: true },
};

/**
 * A sorted copy. Blank cells go last in both directions; ties fall back to
 * name then id (in that order whatever the direction) so rows never jitter.
 */
export function sortMembers(rows: readonly PreparedMember[], sort: MemberSort): PreparedMember[] {
  const { order, rank, runStarts } = nameOrder(rows);
  if (sort.key === 'name') {
    const out: PreparedMember[] = new Array(rows.length);
    if (sort.direction === 'asc') {
      for (let r = 0; r < order.length; r++) out[r] = rows[order[r]];
      return out;
    }
    // Descending reverses the runs of equal names, not the id order inside a run.
    let w = 0;
    for (let run = runStarts.length - 2; run >= 0; run--) {
      for (let r = runStarts[run]; r < runStarts[run + 1]; r++) out[w++] = rows[order[r]];
    }
    return out;
  }

  const { of, collated } = VALUES[sort.key];
  const values = rows.map(of);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const indexes = Int32Array.from({ length: rows.length }, (_, i) => i).sort((a, b) => {
    const x = values[a];
    const y = values[b];
    const xBlank = x === undefined || x === '';
    const yBlank = y === undefined || y === '';
    if (xBlank || yBlank) return xBlank === yBlank ? rank[a] - rank[b] : xBlank ? 1 : -1;
    const primary = collated ? collate(String(x), String(y)) : x < y ? -1 : x > y ? 1 : 0;
    return sign * primary || rank[a] - rank[b];
  });
  return Array.from(indexes, (i) => rows[i]);
}

/** Clicking a column: ascending first, then flip. */
export function nextSort(current: MemberSort, key: SortKey): MemberSort {
  if (current.key !== key) return { key, direction: 'asc' };
  return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
}
