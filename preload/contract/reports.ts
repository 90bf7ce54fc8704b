/** Reports: the member directory as a CSV file. */
import { z } from 'zod';
import { id, type ApiOf } from './method.js';

/** Columns of the member report, in their default order. */
export const CSV_COLUMNS = [
  'name',
  'email',
  'status',
  'role',
  'groups',
  'joined_on',
  'invited_on',
  'suspended_on',
  'external_id',
  'team_member_id',
  'given_name',
  'surname',
  'membership_type',
  'email_verified',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_PRESET_IDS = ['member_report', 'pending_invites', 'suspended', 'admins'] as const;
export type CsvPreset = (typeof CSV_PRESET_IDS)[number];

const exportCsvArg = z.strictObject({
  /**
   * Exactly these members in this order (the current view), or the whole synced
   * team: with removed members or without, as the directory shows it (absent:
   * the last sync as it is).
   */
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('team'), includeRemoved: z.boolean().optional() }),
    // A view can hold the whole team; 50,000 members is the largest team we plan for, with room to spare.
    z.strictObject({ kind: z.literal('members'), ids: z.array(id).max(200_000) }),
  ]),
  columns: z.array(z.enum(CSV_COLUMNS)).min(1).max(CSV_COLUMNS.length * 2),
  /** Used for the suggested file name. */
  preset: z.enum(CSV_PRESET_IDS).optional(),
});
export type ExportCsvArg = z.output<typeof exportCsvArg>;

export type ExportCsvResult =
  | { kind: 'saved'; rows: number; bytes: number; fileName: string }
  | { kind: 'download'; rows: number; url: string; fileName: string }
  | { kind: 'cancelled' };

export const REPORTS_ARGS = {
  exportMembersCsv: exportCsvArg,
};

export interface ReportsResults {
  exportMembersCsv: ExportCsvResult;
}

export type ReportsApi = ApiOf<typeof REPORTS_ARGS, ReportsResults>;
