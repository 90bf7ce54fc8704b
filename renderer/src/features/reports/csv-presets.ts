import { CSV_COLUMNS, type CsvColumn, type CsvPreset, type ExportCsvArg, type MemberRow } from '../../../../preload/contract.js';

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
  /** Which rows of the chosen scope it keeps; absent means all of them. */
  keeps?: (row: MemberRow) => boolean;
}

/**
 * A preset is a column set plus, for the narrow reports, a filter applied on
 * top of the chosen scope (current view, whole team or selection).
 */
export const CSV_PRESETS: readonly CsvPresetDef[] = [
  {
    id: 'member_report',
    label: 'Member report',
    description: 'Everyone in the chosen rows, with status, role, groups and dates.',
    columns: ['name', 'email', 'status', 'role', 'groups', 'joined_on', 'invited_on', 'suspended_on', 'external_id'],
  },
  {
    id: 'pending_invites',
    label: 'Pending invites',
    description: 'Only people invited who have not joined yet, with the invite date.',
    columns: ['name', 'email', 'invited_on', 'groups', 'external_id'],
    keeps: (row) => row.status === 'invited',
  },
  {
    id: 'suspended',
    label: 'Suspended',
    description: 'Only suspended members, with the date they were suspended.',
    columns: ['name', 'email', 'suspended_on', 'role', 'groups', 'external_id'],
    keeps: (row) => row.status === 'suspended',
  },
  {
    id: 'admins',
    label: 'Admins',
    description: 'Only members who hold an admin role (removed members excluded).',
    columns: ['name', 'email', 'role', 'status', 'groups', 'external_id'],
    keeps: (row) => row.roleIds.length > 0 && row.status !== 'removed',
  },
];

export function presetById(id: CsvPreset): CsvPresetDef {
  const preset = CSV_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown CSV preset ${id}`);
  return preset;
}

export type ExportScope = 'view' | 'team' | 'selected';

/** Anything carrying a member row, such as the directory's prepared rows. */
export interface HasRow {
  readonly row: MemberRow;
}

export interface ExportPlanInput {
  scope: ExportScope;
  preset: CsvPresetDef;
  columns: readonly CsvColumn[];
  /** The current view, in its order. */
  shown: readonly HasRow[];
  /** The whole synced team, in the current sort order. */
  team: readonly HasRow[];
  selected: ReadonlySet<string>;
}

export interface ExportPlan {
  arg: ExportCsvArg;
  rows: number;
}

/**
 * What to ask main for. The whole team without a row filter is asked as
 * "team" (main streams its own cache); anything narrower is sent as the exact
 * ids, in the order on screen.
 */
export function planExport({ scope, preset, columns, shown, team, selected }: ExportPlanInput): ExportPlan {
  // The picker lists columns in any order of ticking; the file keeps the standard order.
  const ordered = CSV_COLUMNS.filter((c) => columns.includes(c));
  if (scope === 'team' && !preset.keeps) {
    return { arg: { scope: { kind: 'team' }, columns: ordered, preset: preset.id }, rows: team.length };
  }
  const source = scope === 'view' ? shown : scope === 'team' ? team : team.filter((m) => selected.has(m.row.id));
  const keeps = preset.keeps;
  const ids: string[] = [];
  for (const { row } of source) if (!keeps || keeps(row)) ids.push(row.id);
  return { arg: { scope: { kind: 'members', ids }, columns: ordered, preset: preset.id }, rows: ids.length };
}
