import type { DirectorySnapshot, ExportCsvArg, MemberRow } from '../../../preload/contract.js';
import { AppError } from '../errors.js';
import { headerOf, nameLookup, pickColumns, rowOf } from './columns.js';
import { writeCsv } from './csv-writer.js';
import type { CsvDelivery } from './export-sink.js';
import { exportFileName } from './presets.js';
import { presetById } from '../../../preload/csv-report.js';

/**
 * Which members an export covers: the ids the renderer sent, in its order
 * (the current view), or the whole synced team narrowed by the preset.
 */
export function membersToExport(snapshot: DirectorySnapshot, byId: (id: string) => MemberRow | undefined, arg: ExportCsvArg): MemberRow[] {
  if (arg.scope.kind === 'team') {
    const keeps = arg.preset ? presetById(arg.preset).keeps : undefined;
    return keeps ? snapshot.members.filter(keeps) : snapshot.members;
  }
  const rows: MemberRow[] = [];
  let missing = 0;
  for (const id of arg.scope.ids) {
    const m = byId(id);
    if (m) rows.push(m);
    else missing++;
  }
  if (missing) throw new AppError('unknown_members', `${missing} of the chosen members are not in the directory any more. Refresh it and export again.`);
  return rows;
}

export function memberCsv(snapshot: DirectorySnapshot, members: MemberRow[], arg: ExportCsvArg, now: Date): CsvDelivery {
  const columns = pickColumns(arg.columns);
  if (!columns.length) throw new AppError('invalid_argument', 'Choose at least one column to export.');
  const names = nameLookup(snapshot.roles, snapshot.groups);
  return {
    fileName: exportFileName(arg.preset, now),
    rows: members.length,
    write: (out) =>
      writeCsv(
        headerOf(columns),
        (function* () {
          for (const m of members) yield rowOf(m, columns, names);
        })(),
        out,
      ),
  };
}
