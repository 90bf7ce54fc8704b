import type { MemberActionSpec } from '../action-spec.js';
import type { DeleteFormerMemberFilesParams } from '../../../../../preload/contract/member-actions.js';

function DeleteFilesForm() {
  return (
    <p>
      <strong>Cannot be undone.</strong> Every file left in the removed account is deleted for good: it can no longer be transferred to a colleague, and the member can no longer be
      recovered.
    </p>
  );
}

export const deleteFormerMemberFilesSpec: MemberActionSpec<Record<string, never>> = {
  kind: 'member.delete-former-member-files',
  label: 'Permanently delete files',
  destructive: true,
  appliesTo: (m) => m.status === 'removed',
  initialValues: () => ({}),
  toParams: (_values, member): DeleteFormerMemberFilesParams => ({ member: member?.id ?? '' }),
  Form: DeleteFilesForm,
};
