import type { MemberActionSpec } from '../action-spec.js';
import { EditProfileForm, type EditProfileValues } from '../forms/edit-profile-form.js';

export const editProfileSpec: MemberActionSpec<EditProfileValues> = {
  kind: 'member.edit-profile',
  label: 'Edit profile',
  runLabel: 'Save changes',
  destructive: false,
  appliesTo: (m) => m.status !== 'removed',
  initialValues: (m) => ({
    givenName: m?.givenName ?? '',
    surname: m?.surname ?? '',
    email: m?.email ?? '',
    externalId: m?.externalId ?? '',
    persistentId: '',
    directoryRestricted: 'keep',
  }),
  // Only what differs from the row is sent: an untouched field can never overwrite a change made elsewhere.
  toParams(v, m) {
    const params: Record<string, unknown> = { member: m?.id ?? '' };
    const changed = (key: 'givenName' | 'surname' | 'externalId', before: string | undefined) => {
      const now = v[key].trim();
      if (now !== (before ?? '')) params[key] = now;
    };
    changed('givenName', m?.givenName);
    changed('surname', m?.surname);
    changed('externalId', m?.externalId);
    const email = v.email.trim();
    if (email.toLowerCase() !== (m?.email ?? '').toLowerCase()) params.email = email;
    if (v.persistentId.trim() !== '') params.persistentId = v.persistentId.trim();
    if (v.directoryRestricted !== 'keep') params.directoryRestricted = v.directoryRestricted === 'on';
    return params;
  },
  Form: EditProfileForm,
};
