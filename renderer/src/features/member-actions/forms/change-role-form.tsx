import { useConnectionStore } from '../../connections/connection-store.js';
import type { ActionFormProps } from '../action-spec.js';
import { SelectInput } from './fields.js';
import { roleOptions } from './role-options.js';

export interface ChangeRoleValues {
  /** '' = member, no admin role. */
  roleId: string;
}

export function ChangeRoleForm({ member, values, onChange, errors, roles, members, idPrefix }: ActionFormProps<ChangeRoleValues>) {
  const adminEmail = useConnectionStore((s) => s.connection?.admin?.email);
  const notAllowed = adminCannotChangeRoles(adminEmail, roles, members);
  const current = member?.roleIds[0] ?? '';
  return (
    <>
      {notAllowed && (
        <p className="action-note action-note--warn" id={`${idPrefix}-not-allowed`}>
          Only a Team admin can change roles, and {adminEmail} is not one: the plan will refuse this change.
        </p>
      )}
      <SelectInput
        idPrefix={idPrefix}
        name="roleId"
        label="New role"
        value={values.roleId}
        options={roleOptions(roles).map((o) => (o.value === current ? { ...o, label: `${o.label} (current)` } : o))}
        onChange={(roleId) => onChange({ roleId })}
        error={errors.roleId}
        hint="A team always keeps at least one Team admin."
      />
    </>
  );
}

/** Whether the signed-in admin, as the directory shows them, lacks the Team admin role (when the team has one). */
function adminCannotChangeRoles(email: string | undefined, roles: ActionFormProps<unknown>['roles'], members: ActionFormProps<unknown>['members']): boolean {
  const teamAdmin = roles.find((r) => r.name.toLowerCase() === 'team admin');
  if (!email || !teamAdmin) return false;
  const me = members.find((m) => m.email.toLowerCase() === email.toLowerCase());
  return me !== undefined && !me.roleIds.includes(teamAdmin.id);
}
