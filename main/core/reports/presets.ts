import type { CsvColumn, CsvPreset, MemberRow } from '../../../preload/contract.js';

export interface PresetDef {
  id: CsvPreset;
  label: string;
  columns: CsvColumn[];
  /** Which members of the whole team the report covers. */
  includes(m: MemberRow): boolean;
  /** File name stem, before the date. */
  fileStem: string;
}

export const PRESETS: Record<CsvPreset, PresetDef> = {
  member_report: {
    id: 'member_report',
    label: 'Member report',
    columns: ['name', 'email', 'status', 'role', 'groups', 'joined_on', 'invited_on', 'suspended_on', 'external_id', 'team_member_id'],
    includes: () => true,
    fileStem: 'member-report',
  },
  pending_invites: {
    id: 'pending_invites',
    label: 'Pending invites',
    columns: ['name', 'email', 'role', 'groups', 'invited_on', 'external_id'],
    includes: (m) => m.status === 'invited',
    fileStem: 'pending-invites',
  },
  suspended: {
    id: 'suspended',
    label: 'Suspended',
    columns: ['name', 'email', 'role', 'groups', 'joined_on', 'suspended_on', 'external_id'],
    includes: (m) => m.status === 'suspended',
    fileStem: 'suspended-members',
  },
  admins: {
    id: 'admins',
    label: 'Admins',
    columns: ['name', 'email', 'status', 'role', 'groups', 'joined_on'],
    // Removed members keep no admin power, whatever role they held.
    includes: (m) => m.roleIds.length > 0 && m.status !== 'removed',
    fileStem: 'admins',
  },
};

/** "member-report-2026-01-31.csv": preset, then the local date of the export. */
export function exportFileName(preset: CsvPreset | undefined, now: Date): string {
  const stem = preset ? PRESETS[preset].fileStem : 'members';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}
