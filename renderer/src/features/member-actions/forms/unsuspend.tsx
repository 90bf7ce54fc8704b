import type { MemberActionSpec } from '../action-spec.js';
import type { UnsuspendParams } from '../../../../../preload/contract/member-actions.js';

function UnsuspendForm() {
  return (
    <p>
      They can sign in again, with their files as they were. A suspended member keeps their licence, so this needs no new one; if the team is already over its licence count,
      Dropbox refuses and the plan says so.
    </p>
  );
}

export const unsuspendSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.unsuspend',
  label: 'Unsuspend',
  destructive: false,
  appliesTo: (m) => m.status === 'suspended',
  initialValues: () => ({}),
  toParams: (_values, member): UnsuspendParams => ({ member: member?.id ?? '' }),
  Form: UnsuspendForm,
};
