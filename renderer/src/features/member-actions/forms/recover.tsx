import type { MemberActionSpec } from '../action-spec.js';
import type { RecoverParams } from '../../../../../preload/contract/member-actions.js';

function RecoverForm() {
  return (
    <p>
      They come back to the team with their files, using a free licence; group memberships are not restored. Dropbox allows this for 7 days after the removal, and not once their
      files were transferred or deleted or they kept a Basic account.
    </p>
  );
}

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
