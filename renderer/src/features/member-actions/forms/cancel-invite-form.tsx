import type { ActionFormProps } from '../action-spec.js';
import { NoOptionsForm } from './no-options-form.js';

export function CancelInviteForm({ member }: ActionFormProps<Record<string, never>>) {
  return (
    <NoOptionsForm>
      <p>The invitation to {member?.email ?? 'this person'} stops working and its licence is freed.</p>
      <p>Invited members cannot be suspended, only removed: cancelling the invitation is how they are removed. You can invite them again later.</p>
    </NoOptionsForm>
  );
}
