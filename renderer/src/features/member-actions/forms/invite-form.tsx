import type { ActionFormProps } from '../action-spec.js';
import { CheckboxInput, SelectInput, TextInput } from './fields.js';
import { roleOptions } from './role-options.js';

export interface InviteValues {
  email: string;
  givenName: string;
  surname: string;
  /** '' = member, no admin role. */
  roleId: string;
  externalId: string;
  sendWelcomeEmail: boolean;
}

export function InviteForm({ values, onChange, errors, roles, idPrefix }: ActionFormProps<InviteValues>) {
  const set = <K extends keyof InviteValues>(key: K) => (value: InviteValues[K]) => onChange({ ...values, [key]: value });
  const field = { idPrefix };
  return (
    <>
      <TextInput {...field} name="email" type="email" label="Email address" value={values.email} onChange={set('email')} error={errors.email} />
      <div className="form-row">
        <TextInput {...field} name="givenName" label="Given name" value={values.givenName} onChange={set('givenName')} error={errors.givenName} />
        <TextInput {...field} name="surname" label="Surname" value={values.surname} onChange={set('surname')} error={errors.surname} />
      </div>
      <SelectInput {...field} name="roleId" label="Role" value={values.roleId} options={roleOptions(roles)} onChange={set('roleId')} error={errors.roleId} />
      <TextInput
        {...field}
        name="externalId"
        label="External ID (optional)"
        code
        value={values.externalId}
        onChange={set('externalId')}
        error={errors.externalId}
        hint="Your identity system's id for this person, up to 64 characters."
      />
      <CheckboxInput
        {...field}
        name="sendWelcomeEmail"
        label="Send welcome email"
        checked={values.sendWelcomeEmail}
        onChange={set('sendWelcomeEmail')}
        error={errors.sendWelcomeEmail}
        hint={
          values.sendWelcomeEmail
            ? 'Dropbox emails the invitation; the person joins by accepting it.'
            : 'Silent invite: no email is sent. The person then signs in through your single sign-on (SSO).'
        }
      />
    </>
  );
}
