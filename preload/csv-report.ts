/**
 * The member report's column labels and presets, shared by the renderer (the
 * export dialog) and main/core (the CSV writer), so both always agree on what
 * a preset exports. Plain data and predicates over contract types only.
 */
import type { CsvColumn, CsvPreset, MemberRow } from './contract.js';

export const CSV_COLUMN_LABELS: Record<CsvColumn, string> = {
  name: 'Name',
  email: 'Email',
  status: 'Status',
  role: 'Role',
  groups: 'Groups',
  joined_on: 'Joined on',
  invited_on: 'Invited on',
  suspended_on: 'Suspended on',
  external_id: 'External ID',
  team_member_id: 'Team member ID',
  given_name: 'Given name',
  surname: 'Surname',
  membership_type: 'Membership type',
  email_verified: 'Email verified',
};

export interface CsvPresetDef {
  id: CsvPreset;
  label: string;
  /** What the preset exports, in a sentence. */
  description: string;
  columns: readonly CsvColumn[];
  /** Which members it keeps; absent means all of them. */
  keeps?: (row: MemberRow) => boolean;
  /** File name stem, before the date. */
  fileStem: string;
}

/** A preset is a column set plus, for the narrow reports, a filter on the exported members. */
export const CSV_PRESETS: readonly CsvPresetDef[] = [
  {
    id: 'member_report',
    label: 'Member report',
    description: 'Everyone in the chosen rows, with status, role, groups and dates.',
    columns: ['name', 'email', 'status', 'role', 'groups', 'joined_on', 'invited_on', 'suspended_on', 'external_id'],
    fileStem: 'member-report',
  },
  {
    id: 'pending_invites',
    label: 'Pending invites',
    description: 'Only people invited who have not joined yet, with the invite date.',
    columns: ['name', 'email', 'invited_on', 'groups', 'external_id'],
    keeps: (row) => row.status === 'invited',
    fileStem: 'pending-invites',
  },
  {
    id: 'suspended',
    label: 'Suspended',
    description: 'Only suspended members, with the date they were suspended.',
    columns: ['name', 'email', 'suspended_on', 'role', 'groups', 'external_id'],
    keeps: (row) => row.status === 'suspended',
    fileStem: 'suspended-members',
  },
  {
    id: 'admins',
    label: 'Admins',
    description: 'Only members who hold an admin role (removed members excluded).',
    columns: ['name', 'email', 'role', 'status', 'groups', 'external_id'],
    // Removed members keep no admin power, whatever role they held.
    keeps: (row) => row.roleIds.length > 0 && row.status !== 'removed',
    fileStem: 'admins',
  },
];

export function presetById(id: CsvPreset): CsvPresetDef {
  const preset = CSV_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown CSV preset ${id}`);
  return preset;
}
