import type { team } from 'dropbox';
import { z } from 'zod';
import { route } from './route.js';
import { email, memberExternalId, optionalNamePart, userSelector } from './schemas.js';
import { holdsIdentity, targetMember } from './members-target.js';
import { RouteError } from '../http/errors.js';

const setProfileArg = z.strictObject({
  user: userSelector,
  // An empty email passes validation so the route can answer param_cannot_be_empty, as the spec's union implies.
  new_email: z.union([z.literal(''), email]).optional(),
  new_external_id: memberExternalId.optional(),
  new_given_name: optionalNamePart.optional(),
  new_surname: optionalNamePart.optional(),
  new_persistent_id: z.string().optional(),
  new_is_directory_restricted: z.boolean().optional(),
});

type SetProfileArg = z.infer<typeof setProfileArg>;

function hasNewData(arg: SetProfileArg): boolean {
  return (
    arg.new_email !== undefined ||
    arg.new_external_id !== undefined ||
    arg.new_given_name !== undefined ||
    arg.new_surname !== undefined ||
    arg.new_persistent_id !== undefined ||
    arg.new_is_directory_restricted !== undefined
  );
}

export const membersProfileRoutes = [
  route<SetProfileArg, team.TeamMemberInfoV2Result>({
    path: 'team/members/set_profile_v2',
    scope: 'members.write',
    write: true,
    schema: setProfileArg,
    handle({ store }, arg) {
      if (arg.user['.tag'] === 'external_id' && arg.new_external_id !== undefined) throw new RouteError('external_id_and_new_external_id_unsafe');
      if (!hasNewData(arg)) throw new RouteError('no_new_data_specified');
      if (arg.new_email === '') throw new RouteError('param_cannot_be_empty');
      const m = targetMember(store, arg.user, 'set_profile_disallowed');

      if (arg.new_email !== undefined) {
        const holder = store.memberByEmail(arg.new_email);
        if (holder !== m && holdsIdentity(store, holder)) throw new RouteError('email_reserved_for_other_user');
      }
      if (arg.new_external_id) {
        const holder = store.memberByExternalId(arg.new_external_id);
        if (holder !== m && holdsIdentity(store, holder)) throw new RouteError('external_id_used_by_other_user');
      }
      const persistentId = arg.new_persistent_id;
      if (persistentId !== undefined && store.state.team.persistentIdDisabled) throw new RouteError('persistent_id_disabled');
      if (persistentId && store.membersWithPersistentId(persistentId).some((o) => o !== m && holdsIdentity(store, o))) {
        throw new RouteError('persistent_id_used_by_other_user');
      }

      const old = { email: m.email, externalId: m.externalId };
      if (arg.new_email !== undefined) m.email = arg.new_email;
      // An empty new id clears it: the API offers no other way to drop one.
      if (arg.new_external_id !== undefined) {
        if (arg.new_external_id) m.externalId = arg.new_external_id;
        else delete m.externalId;
      }
      if (persistentId !== undefined) {
        if (persistentId) m.persistentId = persistentId;
        else delete m.persistentId;
      }
      if (arg.new_given_name !== undefined) m.givenName = arg.new_given_name;
      if (arg.new_surname !== undefined) m.surname = arg.new_surname;
      if (arg.new_is_directory_restricted !== undefined) m.isDirectoryRestricted = arg.new_is_directory_restricted;
      store.reindexMember(m, old);
      return { member_info: store.memberInfoV2(m) };
    },
  }),
];
