import type { z } from 'zod';
import type { TeamStore } from '../model/team-store.js';
import type { Member } from '../model/types.js';
import type { memberStateBody, teamStateBody } from './schemas.js';

/** The team-wide states and license counts, as GET/POST /__sandbox/team show them. */
export function teamStatesView(store: TeamStore): Record<string, unknown> {
  const t = store.state.team;
  return {
    numLicensedUsers: t.numLicensedUsers,
    provisioned: store.provisionedCount(),
    externalSharingOff: t.externalSharingOff ?? false,
    persistentIdDisabled: t.persistentIdDisabled ?? false,
  };
}

/**
 * A tracked write, like an API write: the change log carries the team's
 * fields with every record, so this costs one log line, not a save of the
 * whole team.
 */
export function setTeamStates(store: TeamStore, body: z.output<typeof teamStateBody>): void {
  const t = store.state.team;
  store.beginWrite();
  try {
    if (body.numLicensedUsers !== undefined) t.numLicensedUsers = body.numLicensedUsers;
    // "Full": exactly as many licenses as members holding one (the incremental count, not a scan).
    if (body.full) t.numLicensedUsers = store.provisionedCount();
    if (body.externalSharingOff !== undefined) t.externalSharingOff = body.externalSharingOff;
    if (body.persistentIdDisabled !== undefined) t.persistentIdDisabled = body.persistentIdDisabled;
  } finally {
    store.commitWrite();
  }
}

export type MemberStateResult = { ok: true; member: Member } | { ok: false; status: 404 | 409; error: string; message: string };

/** Sets one member's states; nothing changes when any of them does not apply to the member. */
export function setMemberStates(store: TeamStore, body: z.output<typeof memberStateBody>): MemberStateResult {
  const m = 'email' in body ? store.memberByEmail(body.email) : store.memberById(body.team_member_id);
  if (!m) return { ok: false, status: 404, error: 'member_not_found', message: 'No member with that email or team_member_id' };
  if (body.filesTransferring && m.status !== 'removed') {
    return { ok: false, status: 409, error: 'not_removed', message: `Only a removed member's files can be in transfer; the member is ${m.status}` };
  }
  if (body.emailVerified === true && m.status === 'invited') {
    return { ok: false, status: 409, error: 'invited', message: 'An invited member verifies their email by accepting the invite (invites/accept)' };
  }
  // A tracked write of this one member (found outside it, so touched by hand): one log line.
  store.beginWrite();
  try {
    store.touch(m);
    if (body.legalHold !== undefined) setFlag(m, 'legalHold', body.legalHold);
    if (body.mustSignTos !== undefined) setFlag(m, 'mustSignTos', body.mustSignTos);
    if (body.emailVerified !== undefined) m.emailVerified = body.emailVerified;
    if (body.filesTransferring !== undefined) {
      if (body.filesTransferring) {
        m.files.transferring = true;
        // As with a real transfer, files on their way out cannot come back with the account.
        if (m.removal) m.removal.unrecoverable = true;
      } else delete m.files.transferring;
    }
  } finally {
    store.commitWrite();
  }
  return { ok: true, member: m };
}

/** The states of one member that the control API sets. */
export function memberStatesView(m: Member): Record<string, boolean> {
  return { legalHold: m.legalHold ?? false, mustSignTos: m.mustSignTos ?? false, emailVerified: m.emailVerified, filesTransferring: m.files.transferring ?? false };
}

/** Absent rather than false, so the saved team only carries the states someone set. */
function setFlag(m: Member, key: 'legalHold' | 'mustSignTos', on: boolean): void {
  if (on) m[key] = true;
  else delete m[key];
}
