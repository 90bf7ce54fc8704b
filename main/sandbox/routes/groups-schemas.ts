import { z } from 'zod';
import { voidTag } from './schemas.js';

/** Argument schemas of the groups/* routes (team.stone, "groups" section). */

/** team.GroupSelector */
export const groupSelector = z.discriminatedUnion('.tag', [
  z.strictObject({ '.tag': z.literal('group_id'), group_id: z.string() }),
  z.strictObject({ '.tag': z.literal('group_external_id'), group_external_id: z.string() }),
]);

/** team.GroupsSelector */
export const groupsSelector = z.discriminatedUnion('.tag', [
  z.strictObject({ '.tag': z.literal('group_ids'), group_ids: z.array(z.string()) }),
  z.strictObject({ '.tag': z.literal('group_external_ids'), group_external_ids: z.array(z.string()) }),
]);

/** team_common.GroupManagementType */
export const groupManagementType = z.union([voidTag('user_managed'), voidTag('company_managed'), voidTag('system_managed')]);

/** team.GroupAccessType */
export const groupAccessType = z.union([voidTag('member'), voidTag('owner')]);

/** GroupsListArg.limit and GroupsMembersListArg.limit: UInt32(min 1, max 1000) = 1000. */
export const pageLimit = z.number().int().min(1).max(1000).default(1000);

/** IncludeMembersArg.return_members */
export const returnMembers = z.boolean().default(true);
