/**
 * The parameters of every member action (a job item's input), written once:
 * the dialogs check their fields with these schemas before planning, and
 * main/core/actions plans and runs with the same ones. Limits are team.stone's
 * (the SDK's types drop them); messages are sentences a form can show.
 */
import { z } from 'zod';

/** common.EmailAddress */
export const EMAIL_PATTERN = /^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$/;
export const emailField = z
  .string()
  .max(255, 'An email address has at most 255 characters.')
  .regex(EMAIL_PATTERN, 'This is not an email address Dropbox accepts (name@example.com).');

/** common.OptionalNamePart: up to 50 characters, none of / : ? * < > " | */
export const namePartField = z
  .string()
  .max(50, 'A name has at most 50 characters.')
  .regex(/^[^/:?*<>"|]*$/, 'A name cannot contain / : ? * < > " or |.');

/** team_common.MemberExternalId */
export const externalIdField = z.string().max(64, 'An external ID has at most 64 characters.');

/** The spec gives no limit; Dropbox's SAML persistent ids are short opaque strings. */
export const persistentIdField = z.string().max(255, 'A persistent ID has at most 255 characters.');

/** team.TeamMemberRoleId */
export const roleIdField = z.string().max(128, 'A role id has at most 128 characters.').regex(/^pid_dbtmr:/, 'A role id starts with pid_dbtmr:.');

/** A member chosen by team_member_id (dbmid:…) or email. */
export const memberField = z
  .string()
  .min(1, 'Choose a member.')
  .max(255, 'A member is chosen by an email address or a member id of at most 255 characters.')
  .refine((v) => v.startsWith('dbmid:') || EMAIL_PATTERN.test(v), 'Choose a member by their email address or member id (dbmid:…).');

/** How the app compares member keys: emails case-insensitively, member ids exactly. */
export function normalKey(key: string): string {
  return key.includes('@') ? key.toLowerCase() : key;
}

export const cancelInviteParams = z.strictObject({ member: memberField });
export type CancelInviteParams = z.infer<typeof cancelInviteParams>;

export const changeRoleParams = z.strictObject({
  member: memberField,
  /** A role from get_available_team_member_roles, or null for "member, no admin role". */
  roleId: roleIdField.nullable(),
});
export type ChangeRoleParams = z.infer<typeof changeRoleParams>;

export const deleteFormerMemberFilesParams = z.strictObject({ member: memberField });
export type DeleteFormerMemberFilesParams = z.infer<typeof deleteFormerMemberFilesParams>;

export const editProfileParams = z
  .strictObject({
    member: memberField,
    givenName: namePartField.optional(),
    surname: namePartField.optional(),
    email: emailField.optional(),
    externalId: externalIdField.optional(),
    persistentId: persistentIdField.optional(),
    directoryRestricted: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).some((k) => k !== 'member'), 'Give at least one thing to change: a name, the email address, an external ID, a persistent ID or the directory restriction.');
export type EditProfileParams = z.infer<typeof editProfileParams>;

export const inviteParams = z.strictObject({
  email: emailField,
  givenName: namePartField.optional(),
  surname: namePartField.optional(),
  externalId: externalIdField.optional(),
  /** At most one role (role_ids ≤ 1); absent = member with no admin role. */
  roleId: roleIdField.optional(),
  /** Off = a silent invite: no email, the person signs in through SSO. */
  sendWelcomeEmail: z.boolean(),
});
export type InviteParams = z.infer<typeof inviteParams>;

export const moveFormerMemberFilesParams = z
  .strictObject({ member: memberField, transferTo: memberField, transferAdmin: memberField })
  .refine((p) => normalKey(p.transferTo) !== normalKey(p.member), 'Files cannot be transferred to the member they came from.');
export type MoveFormerMemberFilesParams = z.infer<typeof moveFormerMemberFilesParams>;

export const recoverParams = z.strictObject({ member: memberField });
export type RecoverParams = z.infer<typeof recoverParams>;

/**
 * Every option of members/remove. The combinations Dropbox refuses
 * (dropbox-team-api.md, "Rules of members/remove") are refused here, before
 * any read, so the form can never offer them.
 */
export const removeParams = z
  .strictObject({
    member: memberField,
    /** Dropbox's default is true. */
    wipeData: z.boolean(),
    /** Move the files now to this active, verified member… */
    transferTo: memberField.optional(),
    /** …and tell this admin about transfer errors (required with transferTo). */
    transferAdmin: memberField.optional(),
    /** Leave the person a personal Dropbox Basic account. */
    keepAccount: z.boolean().default(false),
    /** With keepAccount: keep folders shared with them directly. */
    retainTeamShares: z.boolean().default(false),
    permanentlyDeleteFiles: z.boolean().default(false),
  })
  .superRefine((p, ctx) => {
    const refuse = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (p.transferTo !== undefined && p.transferAdmin === undefined) refuse('Choose an admin to be told about transfer problems.');
    if (p.transferAdmin !== undefined && p.transferTo === undefined) refuse('An admin for transfer problems only goes with a member to transfer the files to.');
    if (p.keepAccount && p.transferTo !== undefined) refuse('A member who keeps their account keeps their files: they cannot be transferred too.');
    if (p.keepAccount && p.wipeData) refuse('A member who keeps their account cannot have their devices wiped.');
    if (p.keepAccount && p.permanentlyDeleteFiles) refuse('A member who keeps their account cannot have their files permanently deleted.');
    if (p.permanentlyDeleteFiles && p.transferTo !== undefined) refuse('Files cannot be both transferred and permanently deleted.');
    if (p.retainTeamShares && !p.keepAccount) refuse('Team shares can only be kept with the account (keep the account as a Basic account).');
    if (p.retainTeamShares && p.wipeData) refuse('Team shares can only be kept when devices are not wiped.');
    if (p.transferTo !== undefined && normalKey(p.transferTo) === normalKey(p.member)) refuse('Files cannot be transferred to the member who is being removed.');
    if (p.transferAdmin !== undefined && normalKey(p.transferAdmin) === normalKey(p.member)) refuse('The admin told about transfer problems cannot be the member who is being removed.');
  });
export type RemoveParams = z.infer<typeof removeParams>;

export const resendInviteParams = z.strictObject({ member: memberField });
export type ResendInviteParams = z.infer<typeof resendInviteParams>;

export const suspendParams = z.strictObject({
  member: memberField,
  /** Dropbox's default is true; the form states the choice plainly either way. */
  wipeData: z.boolean(),
});
export type SuspendParams = z.infer<typeof suspendParams>;

export const unsuspendParams = z.strictObject({ member: memberField });
export type UnsuspendParams = z.infer<typeof unsuspendParams>;

/** Every member action's job kind and its parameters: what planJob's items must match. */
export const MEMBER_ACTION_PARAMS = {
  'member.invite': inviteParams,
  'member.resend-invite': resendInviteParams,
  'member.cancel-invite': cancelInviteParams,
  'member.edit-profile': editProfileParams,
  'member.change-role': changeRoleParams,
  'member.suspend': suspendParams,
  'member.unsuspend': unsuspendParams,
  'member.remove': removeParams,
  'member.recover': recoverParams,
  'member.move-former-member-files': moveFormerMemberFilesParams,
  'member.delete-former-member-files': deleteFormerMemberFilesParams,
} as const;
export type MemberActionKind = keyof typeof MEMBER_ACTION_PARAMS;
