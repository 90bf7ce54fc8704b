import type { team } from 'dropbox';
import { trackedCall } from '../jobs/tracked-call.js';
import { byMemberId, type MemberInfo } from './member-reads.js';
import { memberAction, reread } from './member-action.js';
import { mustBeStatus } from './rules.js';
import { editProfileParams, type EditProfileParams } from '../../../preload/contract/member-actions.js';


type Field = Exclude<keyof EditProfileParams, 'member'>;

/** Each field: its current value on the member, its set_profile_v2 argument, and its words. */
const FIELDS: Record<Field, { current(i: MemberInfo): unknown; arg: keyof team.MembersSetProfileArg; words: string }> = {
  givenName: { current: (i) => i.profile.name.given_name, arg: 'new_given_name', words: 'given name' },
  surname: { current: (i) => i.profile.name.surname, arg: 'new_surname', words: 'surname' },
  email: { current: (i) => i.profile.email.toLowerCase(), arg: 'new_email', words: 'email address' },
  externalId: { current: (i) => i.profile.external_id ?? '', arg: 'new_external_id', words: 'external ID' },
  persistentId: { current: (i) => i.profile.persistent_id ?? '', arg: 'new_persistent_id', words: 'persistent ID' },
  directoryRestricted: { current: (i) => i.profile.is_directory_restricted ?? false, arg: 'new_is_directory_restricted', words: 'directory restriction' },
};

function wanted(p: EditProfileParams, field: Field): unknown {
  const v = p[field];
  return field === 'email' && typeof v === 'string' ? v.toLowerCase() : v;
}

/** The fields that differ from what the member has now. */
function changes(p: EditProfileParams, info: MemberInfo): Field[] {
  return (Object.keys(FIELDS) as Field[]).filter((k) => p[k] !== undefined && FIELDS[k].current(info) !== wanted(p, k));
}

function argOf(p: EditProfileParams, id: string): team.MembersSetProfileArg {
  const arg: Record<string, unknown> = { user: byMemberId(id) };
  for (const k of Object.keys(FIELDS) as Field[]) if (p[k] !== undefined) arg[FIELDS[k].arg] = p[k];
  return arg as unknown as team.MembersSetProfileArg;
}

export const editProfile = memberAction<EditProfileParams>({
  kind: 'member.edit-profile',
  label: 'Edit profile',
  irreversible: false,
  confirmByEmail: false,
  params: editProfileParams,
  decide({ input, info }) {
    const problem = mustBeStatus(info, ['active', 'invited', 'suspended'], `${info.profile.email} has been removed: a removed member's profile cannot be changed.`);
    const diff = changes(input, info);
    const consequences = diff.map((k) => `Sets the ${FIELDS[k].words} to "${String(input[k])}".`);
    if (diff.includes('email')) consequences.push('The member must verify the new email address; they sign in with it from now on.');
    return {
      problems: problem ? [problem] : [],
      skip: diff.length === 0 ? 'The profile already has these values.' : undefined,
      calls: [`team/members/set_profile_v2 (${diff.map((k) => FIELDS[k].words).join(', ')})`],
      consequences,
    };
  },
  async run({ team, signal }, item) {
    const { requestId } = await trackedCall(team.client, 'team/members/set_profile_v2', 'write', (dbx, o) => dbx.teamMembersSetProfileV2(argOf(item.input, item.member!.id), o), {
      signal,
      idempotent: true,
    });
    return { outcome: 'done', ...(requestId ? { requestId } : {}) };
  },
  async verify(team, item) {
    const info = await reread(team, item);
    return info && changes(item.input, info).length === 0 ? 'applied' : 'not_applied';
  },
  auditOptions: ({ member: _member, ...changed }) => changed,
});
