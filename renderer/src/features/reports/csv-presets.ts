import { CSV_COLUMNS, type CsvColumn, type ExportCsvArg, type MemberRow } from '../../../../preload/contract.js';
import type { CsvPresetDef } from '../../../../preload/csv-report.js';

export { CSV_COLUMN_LABELS, CSV_PRESETS, presetById, type CsvPresetDef } from '../../../../preload/csv-report.js';

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
  /** Whether `team` holds removed members: main's cache may hold them when the view does not. */
  includeRemoved: boolean;
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
export function planExport({ scope, preset, columns, shown, team, includeRemoved, selected }: ExportPlanInput): ExportPlan {
  // The picker lists columns in any order of ticking; the file keeps the standard order.
  const ordered = CSV_COLUMNS.filter((c) => columns.includes(c));
  if (scope === 'team' && !preset.keeps) {
    return { arg: { scope: { kind: 'team', includeRemoved }, columns: ordered, preset: preset.id }, rows: team.length };
  }
  const source = scope === 'view' ? shown : scope === 'team' ? team : team.filter((m) => selected.has(m.row.id));
  const keeps = preset.keeps;
  const ids: string[] = [];
  for (const { row } of source) if (!keeps || keeps(row)) ids.push(row.id);
  return { arg: { scope: { kind: 'members', ids }, columns: ordered, preset: preset.id }, rows: ids.length };
}
