import type { Group, Member } from './types.js';
import { DAY_MS } from './clock.js';

/** Teams smaller than this (test fixtures) are seeded without special states. */
const MIN_MEMBERS_FOR_STATES = 20;

/**
 * Puts the team states the API refuses around on a few seeded members, so a
 * new user meets them: a legal hold and unsigned terms of service (no
 * keep_account on removal), an unverified email (no file transfers to them),
 * and a former member whose files are still being transferred. They sit on
 * the last plain members of the list, away from the first members tests and
 * the directory start with.
 */
export function seedStates(members: Member[], groups: Group[], now: number): void {
  if (members.length < MIN_MEMBERS_FOR_STATES) return;
  const plain: Member[] = [];
  for (let i = members.length - 1; i > 5 && plain.length < 4; i--) {
    const m = members[i];
    if (m.status === 'active' && m.roleIds.length === 0) plain.push(m);
  }
  const [held, tos, unverified, leaving] = plain;
  if (held) held.legalHold = true;
  if (tos) tos.mustSignTos = true;
  if (unverified) unverified.emailVerified = false;

  let former = members.findLast((m, i) => i > 5 && m.status === 'removed');
  if (!former && leaving) {
    former = leaving;
    former.status = 'removed';
    for (const g of groups) g.members = g.members.filter((gm) => gm.teamMemberId !== former!.teamMemberId);
    for (const d of former.devices) d.wiped = true;
  }
  if (former) {
    // Removed two days ago with a transfer that has not finished: neither recoverable nor movable yet.
    former.removal = { on: Math.min(now - 2 * DAY_MS, former.removal?.on ?? now), isDisconnected: false, unrecoverable: true };
    former.files.transferring = true;
  }
}
