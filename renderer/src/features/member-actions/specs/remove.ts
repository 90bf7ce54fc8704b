import type { MemberActionSpec } from '../action-spec.js';
import { initialRemoveValues, removeToParams, type RemoveValues } from '../forms/remove-options.js';
import { RemoveForm } from '../forms/remove-form.js';

/** members/remove with every option; invited members are cancelled instead (Cancel invite). */
export const removeSpec: MemberActionSpec<RemoveValues> = {
  kind: 'member.remove',
  label: 'Remove from team',
  destructive: true,
  appliesTo: (m) => m.status === 'active' || m.status === 'suspended',
  initialValues: initialRemoveValues,
  toParams: removeToParams,
  Form: RemoveForm,
};
