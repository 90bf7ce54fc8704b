import type { MemberActionSpec } from '../action-spec.js';
import type { MoveFormerMemberFilesParams } from '../../../../../preload/contract/member-actions.js';
import { TransferLaterForm, type TransferLaterValues } from '../forms/move-former-member-files-form.js';

/** members/move_former_member_files: "transfer later" for a member already removed. */
export const moveFormerMemberFilesSpec: MemberActionSpec<TransferLaterValues> = {
  kind: 'member.move-former-member-files',
  label: 'Transfer files',
  destructive: true,
  appliesTo: (m) => m.status === 'removed',
  initialValues: () => ({ transferTo: '', transferAdmin: '' }),
  toParams: (values, member): MoveFormerMemberFilesParams => ({ member: member?.id ?? '', transferTo: values.transferTo.trim(), transferAdmin: values.transferAdmin.trim() }),
  Form: TransferLaterForm,
};
