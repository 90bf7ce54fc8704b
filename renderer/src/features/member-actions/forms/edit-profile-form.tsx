import type { ActionFormProps } from '../action-spec.js';
import { SelectInput, TextInput } from './fields.js';

export interface EditProfileValues {
  givenName: string;
  surname: string;
  email: string;
  externalId: string;
  /** Not in the directory: empty leaves it as it is. */
  persistentId: string;
  directoryRestricted: 'keep' | 'on' | 'off';
}

const RESTRICTION_OPTIONS = [
  { value: 'keep', label: 'Leave as it is' },
  { value: 'on', label: 'Restricted: hidden from the team directory' },
  { value: 'off', label: 'Not restricted: listed in the team directory' },
] as const;

export function EditProfileForm({ member, values, onChange, errors, idPrefix }: ActionFormProps<EditProfileValues>) {
  const set = <K extends keyof EditProfileValues>(key: K) => (value: EditProfileValues[K]) => onChange({ ...values, [key]: value });
  const field = { idPrefix };
  const emailChanged = member !== undefined && values.email.trim().toLowerCase() !== member.email.toLowerCase();
  return (
    <>
      <p className="action-note">Only the fields you change are sent.</p>
      <div className="form-row">
        <TextInput {...field} name="givenName" label="Given name" value={values.givenName} onChange={set('givenName')} error={errors.givenName} hint="Up to 50 characters." />
        <TextInput {...field} name="surname" label="Surname" value={values.surname} onChange={set('surname')} error={errors.surname} hint="Up to 50 characters." />
      </div>
      <TextInput
        {...field}
        name="email"
        type="email"
        label="Email address"
        value={values.email}
        onChange={set('email')}
        error={errors.email}
        hint={emailChanged ? 'The member must verify the new address; until then Dropbox shows it as unverified.' : 'Changing it means the member must verify the new address.'}
      />
      <TextInput {...field} name="externalId" label="External ID" code value={values.externalId} onChange={set('externalId')} error={errors.externalId} hint="Up to 64 characters." />
      <TextInput
        {...field}
        name="persistentId"
        label="Persistent ID (SAML)"
        code
        value={values.persistentId}
        onChange={set('persistentId')}
        error={errors.persistentId}
        hint="The id your identity provider sends for single sign-on. Leave empty to keep the current one."
      />
      <SelectInput
        {...field}
        name="directoryRestricted"
        label="Directory restriction"
        value={values.directoryRestricted}
        options={RESTRICTION_OPTIONS}
        onChange={(v) => set('directoryRestricted')(v as EditProfileValues['directoryRestricted'])}
        error={errors.directoryRestricted}
      />
    </>
  );
}
