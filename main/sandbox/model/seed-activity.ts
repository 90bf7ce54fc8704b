import type { Member } from './types.js';
import { Random } from './random.js';
import { DAY_MS } from './clock.js';

/**
 * How long ago seeded members were last seen and were invited. Drawn from a
 * stream of their own, so adding activity left every other seeded fact
 * (names, statuses, groups) as it was for the same seed.
 */
export function activityRandom(seed: number): Random {
  return new Random((seed ^ 0x5eed_ac71) >>> 0);
}

/** Days since last seen that the app's inactivity insights look for: not seen for 30, 90 and 180+ days. */
export const STALE_LAST_SEEN_DAYS = [35, 100, 200] as const;

const SECOND = 1000;

/** Days since an active member's newest session: mostly recent, a tail of stale ones. */
function lastSeenDays(act: Random): number {
  const r = act.next();
  if (r < 0.7) return act.int(0, 6);
  if (r < 0.8) return act.int(7, 29);
  if (r < 0.88) return act.int(30, 89);
  if (r < 0.94) return act.int(90, 179);
  return act.int(180, 540);
}

/** Invite ages: most fresh, some reminders due, some long forgotten. */
function inviteAgeDays(act: Random): number {
  const r = act.next();
  if (r < 0.5) return act.int(0, 6);
  if (r < 0.8) return act.int(7, 29);
  return act.int(30, 180);
}

/**
 * Sets device times so the newest session of the member is `days` ago, never
 * before they joined nor after they were suspended or removed.
 */
export function setLastSeen(act: Random, m: Member, now: number, days: number): void {
  if (m.devices.length === 0 || m.joinedOn === undefined) return;
  const joined = m.joinedOn;
  const end = Math.min(now, m.suspendedOn ?? now, m.removal?.on ?? now);
  const latest = Math.max(joined + DAY_MS, Math.min(end, now - days * DAY_MS) - act.int(0, 86_399) * SECOND);
  m.devices.forEach((d, k) => {
    const updated = k === 0 ? latest : Math.max(joined, latest - act.int(0, 90) * DAY_MS - act.int(0, 86_399) * SECOND);
    d.updated = updated;
    d.created = Math.max(joined, updated - act.int(0, 300) * DAY_MS - act.int(0, 86_399) * SECOND);
  });
}

/** Activity of one freshly seeded member (called in member order). */
export function seedActivity(act: Random, m: Member, now: number): void {
  if (m.status === 'invited') {
    m.invitedOn = now - inviteAgeDays(act) * DAY_MS - act.int(0, 86_399) * SECOND;
    return;
  }
  // Admins are the people using the console today.
  setLastSeen(act, m, now, m.roleIds.length > 0 ? 0 : lastSeenDays(act));
}

/**
 * However small the team, a new user meets each kind of activity: plain
 * active members (the first who joined early enough) are the ones unseen for
 * 30, 90 and 180+ days, the next one has no device at all, the first invite is
 * fresh and the second is months old. Members carrying a seeded state
 * (seed-states.ts) are left as they are.
 */
export function guaranteeActivity(act: Random, members: Member[], now: number): void {
  const free = members.filter((m) => m.status === 'active' && m.roleIds.length === 0 && m.devices.length > 0 && !m.legalHold && !m.mustSignTos && m.emailVerified);
  const used = new Set<Member>();
  for (const days of STALE_LAST_SEEN_DAYS) {
    const m = free.find((x) => !used.has(x) && x.joinedOn !== undefined && x.joinedOn < now - (days + 2) * DAY_MS);
    if (!m) continue;
    used.add(m);
    setLastSeen(act, m, now, days);
  }
  const hasIdle = members.some((m) => m.status === 'active' && m.roleIds.length === 0 && m.devices.length === 0);
  const idle = free.find((m) => !used.has(m));
  if (!hasIdle && idle) idle.devices = [];
  const invited = members.filter((m) => m.status === 'invited');
  if (invited[0]) invited[0].invitedOn = now - act.int(1, 3) * DAY_MS;
  if (invited[1]) invited[1].invitedOn = now - act.int(45, 120) * DAY_MS;
}
