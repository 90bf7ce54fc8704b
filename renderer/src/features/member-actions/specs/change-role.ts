import type { MemberActionSpec } from '../action-spec.js';
import { ChangeRoleForm, type ChangeRoleValues } from '../forms/change-role-form.js';
import { NO_ROLE } from '../forms/role-options.js';

export const changeRoleSpec: MemberActionSpec<ChangeRoleValues> = {
  kind: 'member.change-role',
  label: 'Change role',
  destructive: false,
  appliesTo: (m) => m.status === 'active' || m.status === 'invited',
  initialValues: (m) => ({ roleId: m?.roleIds[0] ?? NO_ROLE }),
  toParams: (v, m) => ({ member: m?.id ?? '', roleId: v.roleId === NO_ROLE ? null : v.roleId }),
  Form: ChangeRoleForm,
};
