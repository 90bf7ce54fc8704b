import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/**
 * The member whose devices or linked apps a sessions route reads or ends.
 * Removed members are no longer on the team: their sessions are not the
 * team's to list or end (member_not_found, as for an unknown id).
 */
export function sessionOwner(store: TeamStore, teamMemberId: string): Member {
  const m = store.memberById(teamMemberId);
  if (!m || m.status === 'removed') throw new RouteError('member_not_found');
  return m;
}
