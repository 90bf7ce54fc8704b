import type { team } from 'dropbox';
import type { MemberRow, MemberStatus } from '../../../preload/contract.js';

const STATUSES: ReadonlySet<string> = new Set<MemberStatus>(['active', 'invited', 'suspended', 'removed']);

/** team.TeamMemberInfoV2 → the compact row the renderer filters and sorts. */
export function toMemberRow(info: team.TeamMemberInfoV2): MemberRow {
  const p = info.profile;
  const tag = p.status['.tag'];
  // TeamMemberStatus is an open union; a status we do not know yet is shown as active rather than hidden.
  const status = (STATUSES.has(tag) ? tag : 'active') as MemberStatus;
  const row: MemberRow = {
    id: p.team_member_id,
    email: p.email,
    name: p.name.display_name,
    givenName: p.name.given_name,
    surname: p.name.surname,
    status,
    roleIds: info.roles?.map((r) => r.role_id) ?? [],
    groupIds: p.groups ?? [],
    membershipType: p.membership_type['.tag'] === 'limited' ? 'limited' : 'full',
    emailVerified: p.email_verified,
  };
  if (p.status['.tag'] === 'removed') row.recoverable = p.status.is_recoverable;
  if (p.joined_on) row.joinedOn = p.joined_on;
  if (p.invited_on) row.invitedOn = p.invited_on;
  if (p.suspended_on) row.suspendedOn = p.suspended_on;
  if (p.external_id) row.externalId = p.external_id;
  return row;
}
