import type { NamedRef } from '../../../../../preload/contract.js';
import type { Option } from './fields.js';

/** '' stands for "no admin role" in a role choice. */
export const NO_ROLE = '';

export function roleOptions(roles: readonly NamedRef[]): Option[] {
  return [{ value: NO_ROLE, label: 'Member (no admin role)' }, ...roles.map((r) => ({ value: r.id, label: r.name }))];
}
