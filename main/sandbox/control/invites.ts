import type { TeamStore } from '../model/team-store.js';
import type { Member } from '../model/types.js';

export type AcceptResult = { ok: true; member: Member } | { ok: false; status: 404 | 409; error: string; message: string };

/**
 * What an invited person clicking the link in the invite email does: the
 * member becomes active, joined now, with a verified email.
 */
export function acceptInvite(store: TeamStore, who: { email: string } | { team_member_id: string }): AcceptResult {
  const member = 'email' in who ? store.memberByEmail(who.email) : store.memberById(who.team_member_id);
  if (!member) return { ok: false, status: 404, error: 'member_not_found', message: 'No member with that email or team_member_id' };
  if (member.status !== 'invited') return { ok: false, status: 409, error: 'not_invited', message: `The member is ${member.status}, not invited` };
  member.status = 'active';
  member.joinedOn = store.clock.now();
  member.emailVerified = true;
  store.changed();
  return { ok: true, member };
}
