import type { AuditApi } from '../../../preload/contract.js';
import type { ExportSink } from '../reports/export-sink.js';
import type { Team } from '../team/team.js';

export interface AuditDeps {
  activeTeam: () => Promise<Team>;
  exportSink: ExportSink;
  /** The clock that dates export file names. */
  now: () => Date;
}

function dated(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The audit slice: what every job did on the shown team, read, filtered and exported. */
export function auditHandlers({ activeTeam, exportSink, now }: AuditDeps): AuditApi {
  return {
    async listAudit(arg) {
      const { audit } = await activeTeam();
      const page = audit.page(arg.filter, arg.offset, arg.limit);
      // Read after the page: reading is what finds damaged lines.
      const damage = audit.damage;
      return damage ? { ...page, damage } : page;
    },
    async exportAudit(arg) {
      const { audit } = await activeTeam();
      return exportSink.deliver({ fileName: `audit-log-${dated(now())}.csv`, rows: audit.count(arg.filter), write: (out) => audit.exportCsv(arg.filter, out) });
    },
    async getMemberHistory(arg) {
      const { audit, directory } = await activeTeam();
      // An invite is audited by email (the member had no id yet): their history includes it.
      const email = directory.member(arg.memberId)?.email;
      return audit.memberHistory(email ? [arg.memberId, email] : [arg.memberId], arg.offset, arg.limit);
    },
  };
}
