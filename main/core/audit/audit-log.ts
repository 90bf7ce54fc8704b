import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { z } from 'zod';
import { readFileSync } from 'node:fs';
import { DurableAppender } from '../fs/durable-file.js';
import { fileNameOf, legacyFileNameOf, moveLegacy } from '../fs/file-name.js';
import { readJsonLines } from '../fs/json-lines.js';
import { writeCsv, type CsvWriteResult } from '../reports/csv-writer.js';

/** One line of the audit log: one item of one job, as it happened. */
export interface AuditEntry {
  /** ISO time the outcome was known. */
  time: string;
  teamId: string;
  /** The connected admin who ran the job. */
  admin: { teamMemberId: string; email: string };
  jobId: string;
  /** Job kind, e.g. member.suspend. */
  action: string;
  /** team_member_id and email of the member acted on (email only for an invite). */
  member: { id?: string; email?: string };
  options: Record<string, unknown>;
  outcome: 'done' | 'skipped' | 'failed' | 'unconfirmed';
  /** The skip reason or the failure sentence. */
  reason?: string;
  requestId?: string;
  errorTag?: string;
}

export const auditFilterSchema = z.strictObject({
  /** team_member_id or email (case-insensitive). */
  member: z.string().max(255).optional(),
  action: z.string().max(64).optional(),
  outcome: z.enum(['done', 'skipped', 'failed', 'unconfirmed']).optional(),
  /** ISO dates or times, inclusive. */
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

/** Keys whose values never go into the log, whatever an action hands over. */
const SECRET_KEY = /token|secret|password|authorization|verifier/i;

function scrub(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => !SECRET_KEY.test(k)));
}

function endOfDay(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
}

/**
 * The append-only audit log of one team: audit/<teamId>.jsonl in the data
 * dir. Every append is on disk before it resolves; a line torn by a crash is
 * cut off when the log is opened, so the file is always whole lines.
 */
export class AuditLog {
  private readonly appender: DurableAppender;
  private badLines: number[] = [];

  private constructor(readonly file: string) {
    // A damaged line in the middle must not stop the team's work or hide the rest of the log:
    // it is skipped, and said (damage), while new entries still go on the end.
    readJsonLines(file, (v) => v, { repair: true, onBadLine: (n) => this.badLines.push(n) });
    this.appender = DurableAppender.open(file);
  }

  /** Why some entries could not be read (damaged lines, found when opened or last read); undefined when the log is whole. */
  get damage(): string | undefined {
    if (this.badLines.length === 0) return undefined;
    const shown = this.badLines.slice(0, 5).join(', ');
    return `The audit log has ${this.badLines.length} damaged line${this.badLines.length === 1 ? '' : 's'} (line ${shown}${this.badLines.length > 5 ? ', …' : ''}) that could not be read; every other entry is shown.`;
  }

  static open(dataDir: string, teamId: string): AuditLog {
    const file = join(dataDir, 'audit', `${fileNameOf(teamId)}.jsonl`);
    // A log written under the name earlier versions used moves to the new name if its entries are this team's.
    const legacy = join(dataDir, 'audit', `${legacyFileNameOf(teamId)}.jsonl`);
    moveLegacy(legacy, file, () => {
      const first = readFileSync(legacy, 'utf8').split('\n', 1)[0];
      return first === '' || (JSON.parse(first) as { teamId?: unknown }).teamId === teamId;
    });
    return new AuditLog(file);
  }

  append(entry: AuditEntry): Promise<void> {
    return this.appender.append(JSON.stringify({ ...entry, options: scrub(entry.options) }) + '\n');
  }

  /** Entries matching every given filter, oldest first. */
  read(filter: AuditFilter = {}): AuditEntry[] {
    const f = auditFilterSchema.parse(filter);
    const member = f.member?.toLowerCase();
    const from = f.from ? Date.parse(f.from) : -Infinity;
    const to = f.to ? endOfDay(f.to) : Infinity;
    const bad: number[] = [];
    const { records } = readJsonLines(this.file, (v) => v as AuditEntry, { onBadLine: (n) => bad.push(n) });
    this.badLines = bad;
    return records.filter((e) => {
      if (member && e.member.id?.toLowerCase() !== member && e.member.email?.toLowerCase() !== member) return false;
      if (f.action && e.action !== f.action) return false;
      if (f.outcome && e.outcome !== f.outcome) return false;
      const t = Date.parse(e.time);
      return t >= from && t <= to;
    });
  }

  /** The filtered entries as CSV (formula-safe, see csv-writer). */
  exportCsv(filter: AuditFilter, out: Writable): Promise<CsvWriteResult> {
    const header = ['time', 'team', 'admin', 'job', 'action', 'member id', 'member email', 'options', 'outcome', 'reason', 'request id', 'error tag'];
    const rows = this.read(filter).map((e) => [
      e.time,
      e.teamId,
      e.admin.email,
      e.jobId,
      e.action,
      e.member.id ?? '',
      e.member.email ?? '',
      JSON.stringify(e.options),
      e.outcome,
      e.reason ?? '',
      e.requestId ?? '',
      e.errorTag ?? '',
    ]);
    return writeCsv(header, rows, out);
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}
