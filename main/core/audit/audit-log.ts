import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { auditFilterSchema, type AuditEntry, type AuditFilter, type AuditPage } from '../../../preload/contract/audit.js';
import { DurableAppender } from '../fs/durable-file.js';
import { fileNameOf, legacyFileNameOf, moveLegacy } from '../fs/file-name.js';
import { readJsonLines } from '../fs/json-lines.js';
import { writeCsv, type CsvWriteResult } from '../reports/csv-writer.js';

/** Keys whose values never go into the log, whatever an action hands over. */
const SECRET_KEY = /token|secret|password|authorization|verifier/i;

function scrub(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => !SECRET_KEY.test(k)));
}

function endOfDay(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
}

/** Oldest-first entries → the page `offset` entries back from the newest. */
function pageOf(all: AuditEntry[], offset: number, limit: number): AuditPage {
  const end = Math.max(0, all.length - offset);
  return { total: all.length, entries: all.slice(Math.max(0, end - limit), end).reverse() };
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

  /** One page of the matching entries, newest first. */
  page(filter: AuditFilter, offset: number, limit: number): AuditPage {
    return pageOf(this.read(filter), offset, limit);
  }

  /**
   * One member's history, newest first: entries naming any of `keys` (their
   * member id, and the email they were invited with, before they had an id).
   */
  memberHistory(keys: string[], offset: number, limit: number): AuditPage {
    const wanted = new Set(keys.map((k) => k.toLowerCase()));
    const all = readJsonLines(this.file, (v) => v as AuditEntry).records.filter(
      (e) => (e.member.id !== undefined && wanted.has(e.member.id.toLowerCase())) || (e.member.email !== undefined && wanted.has(e.member.email.toLowerCase())),
    );
    return pageOf(all, offset, limit);
  }

  /** How many entries match (what an export of them will hold). */
  count(filter: AuditFilter): number {
    return this.read(filter).length;
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

export { auditFilterSchema };
export type { AuditEntry, AuditFilter };
