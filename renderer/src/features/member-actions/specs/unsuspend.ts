import type { MemberActionSpec } from '../action-spec.js';
import type { UnsuspendParams } from '../../../../../preload/contract/member-actions.js';
import { UnsuspendForm } from '../forms/unsuspend-form.js';

export const unsuspendSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.unsuspend',
  label: 'Unsuspend',
  destructive: false,
  appliesTo: (m) => m.status === 'suspended',
  initialValues: () => ({}),
  toParams: (_values, member): UnsuspendParams => ({ member: member?.id ?? '' }),
  Form: UnsuspendForm,
};
