import type { async, team } from 'dropbox';
import { z } from 'zod';

/**
 * Argument schemas shared by routes. Objects are strict: Dropbox answers 400
 * for unknown fields and wrongly typed values, and so do we.
 */

/** A union member with no value may be sent as a bare string ("active") or {".tag": "active"}. */
export function voidTag<T extends string>(tag: T) {
  return z.union([z.literal(tag), z.strictObject({ '.tag': z.literal(tag) })]).transform(() => ({ '.tag': tag }) as { '.tag': T });
}

export const email = z.string().max(255).regex(/^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/, 'not a valid email');

export const teamMemberId = z.string();

/** team.UserSelectorArg */
export const userSelector = z.discriminatedUnion('.tag', [
  z.strictObject({ '.tag': z.literal('team_member_id'), team_member_id: teamMemberId }),
  z.strictObject({ '.tag': z.literal('external_id'), external_id: z.string().max(64) }),
  z.strictObject({ '.tag': z.literal('email'), email: email }),
]);

/** team.UsersSelectorArg */
export const usersSelector = z.discriminatedUnion('.tag', [
  z.strictObject({ '.tag': z.literal('team_member_ids'), team_member_ids: z.array(teamMemberId) }),
  z.strictObject({ '.tag': z.literal('external_ids'), external_ids: z.array(z.string().max(64)) }),
  z.strictObject({ '.tag': z.literal('emails'), emails: z.array(email) }),
]);

/** async.PollArg of every job_status route (AsyncJobId is a non-empty string). */
export const pollArg = z.strictObject({ async_job_id: z.string().min(1) }) satisfies z.ZodType<async.PollArg>;

export const optionalString = (max?: number) => (max ? z.string().max(max) : z.string()).optional();

export const uint32 = z.number().int().min(0).max(4294967295);

/** common.OptionalNamePart */
export const optionalNamePart = z.string().max(50).regex(/^[^/:?*<>"|]*$/, 'not a valid name part');

/** team_common.MemberExternalId */
export const memberExternalId = z.string().max(64);

/** team.TeamMemberRoleId */
export const teamMemberRoleId = z.string().max(128).regex(/^pid_dbtmr:/, 'not a role id');

/** The identifier a caller used in a UserSelectorArg, as Dropbox echoes it in error lists. */
export function selectorKey(sel: team.UserSelectorArg): string {
  switch (sel['.tag']) {
    case 'team_member_id':
      return sel.team_member_id;
    case 'external_id':
      return sel.external_id;
    case 'email':
      return sel.email;
  }
}
