import type { MemberActionSpec } from '../action-spec.js';
import type { RecoverParams } from '../../../../../preload/contract/member-actions.js';
import { RecoverForm } from '../forms/recover-form.js';

/** Offered only while the directory says Dropbox would still allow it. */
export const recoverSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.recover',
  label: 'Recover',
  destructive: false,
  appliesTo: (m) => m.status === 'removed' && m.recoverable === true,
  initialValues: () => ({}),
  toParams: (_values, member): RecoverParams => ({ member: member?.id ?? '' }),
  Form: RecoverForm,
};
