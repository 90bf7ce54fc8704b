import type { MemberActionSpec } from '../action-spec.js';
import type { DeleteFormerMemberFilesParams } from '../../../../../preload/contract/member-actions.js';
import { DeleteFilesForm } from '../forms/delete-former-member-files-form.js';

export const deleteFormerMemberFilesSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.delete-former-member-files',
  label: 'Permanently delete files',
  destructive: true,
  appliesTo: (m) => m.status === 'removed',
  initialValues: () => ({}),
  toParams: (_values, member): DeleteFormerMemberFilesParams => ({ member: member?.id ?? '' }),
  Form: DeleteFilesForm,
};
