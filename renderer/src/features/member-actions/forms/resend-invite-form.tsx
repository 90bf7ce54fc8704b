import type { ActionFormProps } from '../action-spec.js';
import { NoOptionsForm } from './no-options-form.js';

export function ResendInviteForm({ member }: ActionFormProps<Record<string, never>>) {
  return (
    <NoOptionsForm>
      <p>Dropbox emails the invitation to {member?.email ?? 'this person'} again. The earlier invitation keeps working.</p>
    </NoOptionsForm>
  );
}
