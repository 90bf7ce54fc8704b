import { z } from 'zod';

/**
 * Parameter fields with team.stone's limits (the SDK's types drop them).
 * Messages are sentences for the plan: "email: …".
 */

/** common.EmailAddress */
export const EMAIL_PATTERN = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;
export const email = z
  .string()
  .max(255, 'An email address has at most 255 characters.')
  .regex(EMAIL_PATTERN, 'This is not an email address Dropbox accepts (name@example.com).');

/** common.OptionalNamePart: up to 50 characters, none of / : ? * < > " | */
export const namePart = z
  .string()
  .max(50, 'A name has at most 50 characters.')
  .regex(/^[^/:?*<>"|]*$/, 'A name cannot contain / : ? * < > " or |.');

/** team_common.MemberExternalId */
export const externalId = z.string().max(64, 'An external ID has at most 64 characters.');

/** The spec gives no limit; Dropbox's SAML persistent ids are short opaque strings. */
export const persistentId = z.string().max(255, 'A persistent ID has at most 255 characters.');

/** team.TeamMemberRoleId */
export const roleId = z.string().max(128, 'A role id has at most 128 characters.').regex(/^pid_dbtmr:/, 'A role id starts with pid_dbtmr:.');

/** A member chosen by team_member_id (dbmid:…) or email. */
export const member = z
  .string()
  .min(1, 'Choose a member.')
  .max(255, 'A member is chosen by an email address or a member id of at most 255 characters.')
  .refine((v) => v.startsWith('dbmid:') || EMAIL_PATTERN.test(v), 'Choose a member by their email address or member id (dbmid:…).');
