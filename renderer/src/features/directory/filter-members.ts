import type { MemberStatus } from '../../../../preload/contract.js';
import { foldText } from './fold-text.js';
import type { PreparedMember } from './prepare-members.js';

/** Role filter values besides a role id. */
export const ANY_ADMIN_ROLE = 'any-admin';
export const NO_ADMIN_ROLE = 'no-admin';
export const NO_GROUP = 'no-group';
export const ALL = 'all' as const;

export interface MemberFilter {
  /** What the admin typed; every word must match name, email or external id. */
  text: string;
  status: MemberStatus | typeof ALL;
  /** ALL, ANY_ADMIN_ROLE, NO_ADMIN_ROLE, or a role id. */
  role: string;
  /** ALL, NO_GROUP, or a group id. */
  group: string;
}

export const NO_FILTER: MemberFilter = { text: '', status: ALL, role: ALL, group: ALL };

export function isFiltering(filter: MemberFilter): boolean {
  return filter.text.trim() !== '' || filter.status !== ALL || filter.role !== ALL || filter.group !== ALL;
}

/**
 * The rows of the current view, in the order given. Pure and allocation-light
 * because it runs on every keystroke over the whole team.
 */
export function filterMembers(rows: readonly PreparedMember[], filter: MemberFilter): PreparedMember[] {
  const terms = searchTerms(filter.text);
  const { status, role, group } = filter;
  if (terms.length === 0 && status === ALL && role === ALL && group === ALL) return rows.slice();
  const out: PreparedMember[] = [];
  for (let i = 0; i < rows.length; i++) {
    const m = rows[i];
    const r = m.row;
    if (status !== ALL && r.status !== status) continue;
    if (role !== ALL && !roleMatches(r.roleIds, role)) continue;
    if (group !== ALL && !(group === NO_GROUP ? r.groupIds.length === 0 : r.groupIds.includes(group))) continue;
    if (terms.length === 1) {
      if (!m.searchKey.includes(terms[0])) continue;
    } else if (!terms.every((t) => m.searchKey.includes(t))) continue;
    out.push(m);
  }
  return out;
}

function roleMatches(roleIds: readonly string[], role: string): boolean {
  if (role === ANY_ADMIN_ROLE) return roleIds.length > 0;
  if (role === NO_ADMIN_ROLE) return roleIds.length === 0;
  return roleIds.includes(role);
}

function searchTerms(text: string): string[] {
  return foldText(text)
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * True when every row `next` keeps is also kept by `prev`: same status, role
 * and group, and each word typed before is still inside some word typed now
 * ("ad" → "ada", "ada" → "ada b"). Typing on then only has to look at the
 * rows already shown instead of the whole team.
 */
export function narrows(prev: MemberFilter, next: MemberFilter): boolean {
  if (prev.status !== next.status || prev.role !== next.role || prev.group !== next.group) return false;
  const before = searchTerms(prev.text);
  const now = searchTerms(next.text);
  return before.every((p) => now.some((n) => n.includes(p)));
}

/** The new view after a filter change, from the previous view when that is enough. */
export function refilterMembers(
  sorted: readonly PreparedMember[],
  previous: { shown: readonly PreparedMember[]; filter: MemberFilter },
  next: MemberFilter,
): PreparedMember[] {
  return filterMembers(narrows(previous.filter, next) ? previous.shown : sorted, next);
}
