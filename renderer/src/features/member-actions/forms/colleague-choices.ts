import type { MemberRow } from '../../../../../preload/contract.js';
import { foldText } from '../../directory/fold-text.js';

/** At most this many matches are listed: enough to pick from, small enough for a screen reader to count. */
export const MAX_MATCHES = 50;

/** A member who can be chosen, with their folded name and email for matching as you type. */
export interface Colleague {
  readonly row: MemberRow;
  readonly key: string;
}

/**
 * Who can receive a leaver's files: active members with a verified email
 * address (Dropbox answers recipient_not_verified otherwise), never the
 * leaver.
 */
export function canReceiveFiles(row: MemberRow, leaverId: string | undefined): boolean {
  return row.id !== leaverId && row.status === 'active' && row.emailVerified;
}

/** Who can be told about transfer errors: active members with an admin role, never the leaver. */
export function canHearAboutTransfer(row: MemberRow, leaverId: string | undefined): boolean {
  return row.id !== leaverId && row.status === 'active' && row.roleIds.length > 0;
}

/** Computed once per directory and leaver, not per keystroke: with 50,000 members the folding is the cost. */
export function colleaguesWhere(members: readonly MemberRow[], eligible: (row: MemberRow) => boolean): Colleague[] {
  const out: Colleague[] = [];
  for (const row of members) if (eligible(row)) out.push({ row, key: foldText(`${row.name}\n${row.email}`) });
  return out;
}

/**
 * The first MAX_MATCHES colleagues whose name or email contains every word
 * typed, in directory order; `total` says how many matched in all so the
 * list can say when it is cut short.
 */
export function matchColleagues(colleagues: readonly Colleague[], query: string): { matches: Colleague[]; total: number } {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  const matches: Colleague[] = [];
  let total = 0;
  for (const c of colleagues) {
    if (!words.every((w) => c.key.includes(w))) continue;
    total++;
    if (matches.length < MAX_MATCHES) matches.push(c);
  }
  return { matches, total };
}

/** The colleague a typed value names exactly (their email, any case), if any. */
export function colleagueNamed(colleagues: readonly Colleague[], value: string): Colleague | undefined {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return undefined;
  return colleagues.find((c) => c.row.email.toLowerCase() === wanted || c.row.id === value.trim());
}

/** The line under the picker (and read with it): how many can be chosen, how many match, or who is chosen. */
export function pickerStatus(choosable: number, value: string, chosen: Colleague | undefined, total: number): string {
  if (!value.trim()) return `${choosable.toLocaleString()} members can be chosen: type a name or email.`;
  if (chosen) return `Chosen: ${chosen.row.name} (${chosen.row.email}).`;
  if (total === 0) return 'No member who can be chosen matches.';
  if (total > MAX_MATCHES) return `${total.toLocaleString()} members match: the first ${MAX_MATCHES} are listed, type more to narrow.`;
  return `${total} ${total === 1 ? 'member matches' : 'members match'}: pick one from the list.`;
}
