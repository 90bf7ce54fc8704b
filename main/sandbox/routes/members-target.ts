import type { team } from 'dropbox';
import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/**
 * The member a single-member write acts on. Nobody matching the selector is
 * user_not_found (UserSelectorError); a removed member still matches but is no
 * longer on the team, which each route reports with its own tag.
 */
export function targetMember(store: TeamStore, sel: team.UserSelectorArg, removedTag = 'user_not_in_team'): Member {
  const m = store.findMember(sel);
  if (!m) throw new RouteError('user_not_found');
  if (m.status === 'removed') throw new RouteError(removedTag);
  return m;
}

/** Whether removing `m`'s Team admin role (or access) would leave the team without an active Team admin. */
export function isLastTeamAdmin(store: TeamStore, m: Member): boolean {
  if (m.status !== 'active' || !store.isTeamAdmin(m)) return false;
  return store.activeTeamAdmins().length <= 1;
}

/**
 * Who holds an email or external id for uniqueness checks: members still on
 * the team, and removed members who can still be recovered (Dropbox keeps
 * their identity reserved for the recover window).
 */
export function holdsIdentity(store: TeamStore, m: Member | undefined): m is Member {
  if (!m) return false;
  return m.status !== 'removed' || store.isRecoverable(m);
}
