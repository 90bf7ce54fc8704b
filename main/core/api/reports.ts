import type { ExportCsvArg, ReportsApi } from '../../../preload/contract.js';
import type { Directory } from '../directory/directory.js';
import { memberCsv, membersToExport } from '../reports/export-members.js';
import type { ExportSink } from '../reports/export-sink.js';
import type { Team } from '../team/team.js';

export interface ReportsDeps {
  activeTeam: () => Promise<Team>;
  exportSink: ExportSink;
  /** The clock that dates export file names. */
  now: () => Date;
}

/**
 * The members a team-wide export starts from. The core's last sync may hold
 * removed members the view no longer shows, so an explicit choice re-reads
 * the directory as the view has it.
 */
async function snapshotFor(directory: Directory, scope: ExportCsvArg['scope']) {
  if (scope.kind === 'team' && scope.includeRemoved !== undefined) return directory.get(scope.includeRemoved);
  return directory.current() ?? (await directory.get(false));
}

/** The reports slice: CSV exports of the shown team. */
export function reportsHandlers({ activeTeam, exportSink, now }: ReportsDeps): ReportsApi {
  return {
    async exportMembersCsv(arg) {
      const { directory } = await activeTeam();
      const snapshot = await snapshotFor(directory, arg.scope);
      const members = membersToExport(snapshot, (id) => directory.member(id), arg);
      return exportSink.deliver(memberCsv(snapshot, members, arg, now()));
    },
  };
}
