import type { Writable } from 'node:stream';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { auditFilterSchema, type AuditEntry, type AuditFilter, type AuditPage } from '../../../preload/contract/audit.js';
import { DurableAppender } from '../fs/durable-file.js';
import { indexAuditFile, repairTail, type AuditIndex, type IndexFilter } from './audit-index.js';
import { fileNameOf, legacyFileNameOf, moveLegacy } from '../fs/file-name.js';
import { writeCsv, type CsvWriteResult } from '../reports/csv-writer.js';

/** Keys whose values never go into the log, whatever an action hands over. */
const SECRET_KEY = /token|secret|password|authorization|verifier/i;

function scrub(options: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(options).filter(([k]) => !SECRET_KEY.test(k)));
}

function endOfDay(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T23:59:59.999Z`) : Date.parse(date);
}

/** Lines read from disk at once while exporting. */
const EXPORT_BATCH = 1000;

/** A filter from the Api (checked here: a bad one throws) as the index matches it. */
function indexFilter(filter: AuditFilter): IndexFilter {
  const f = auditFilterSchema.parse(filter);
  return {
    ...(f.member ? { members: new Set([f.member.toLowerCase()]) } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    from: f.from ? Date.parse(f.from) : -Infinity,
    to: f.to ? endOfDay(f.to) : Infinity,
  };
}

/**
 * The append-only audit log of one team: audit/<teamId>.jsonl in the data
 * dir. Every append is on disk before it resolves; a line torn by a crash is
 * cut off when the log is opened, so the file is always whole lines.
 *
 * The first query reads the log once to build an in-memory index (see
 * AuditIndex); each append adds to it once on disk. Queries then read only
 * the lines of the page they answer, however long the log has grown.
 */
export class AuditLog {
  private readonly appender: DurableAppender;
  private built: { index: AuditIndex; badLines: number[] } | undefined;
  /** Bytes of the log known whole and on disk: what the index may be built from. */
  private durableEnd: number;

  private constructor(readonly file: string) {
    this.durableEnd = repairTail(file);
    this.appender = DurableAppender.open(file);
  }

  /**
   * Built by the first query, not when the team opens: a long log must not
   * hold up the team's first directory load. From then on each append adds to it.
   */
  private get index(): AuditIndex {
    // A damaged line in the middle must not stop the team's work or hide the rest of the log:
    // it is skipped, and said (damage), while new entries still go on the end.
    this.built ??= indexAuditFile(this.file, this.durableEnd);
    return this.built.index;
  }

  /** Why some entries could not be read (damaged lines in the log); undefined when the log is whole. */
  get damage(): string | undefined {
    void this.index;
    const bad = this.built!.badLines;
    if (bad.length === 0) return undefined;
    const shown = bad.slice(0, 5).join(', ');
    return `The audit log has ${bad.length} damaged line${bad.length === 1 ? '' : 's'} (line ${shown}${bad.length > 5 ? ', …' : ''}) that could not be read; every other entry is shown.`;
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
    const written: AuditEntry = { ...entry, options: scrub(entry.options) };
    const line = JSON.stringify(written) + '\n';
    // Counted (and indexed, once there is an index) only when on disk: appends resolve in the
    // order they were written, and a failed write, cut back off the file, never counts.
    const length = Buffer.byteLength(line);
    return this.appender.append(line).then(() => {
      this.durableEnd += length;
      this.built?.index.add(written, length);
    });
  }

  /** Entries matching every given filter, oldest first. */
  read(filter: AuditFilter = {}): AuditEntry[] {
    const { slots } = this.index.find(indexFilter(filter), 0, Infinity);
    return this.index.read(this.file, slots.reverse());
  }

  /** One page of the matching entries, newest first. */
  page(filter: AuditFilter, offset: number, limit: number): AuditPage {
    const { total, slots } = this.index.find(indexFilter(filter), offset, limit);
    return { total, entries: this.index.read(this.file, slots) };
  }

  /**
   * One member's history, newest first: entries naming any of `keys` (their
   * member id, and the email they were invited with, before they had an id).
   */
  memberHistory(keys: string[], offset: number, limit: number): AuditPage {
    const { total, slots } = this.index.find({ members: new Set(keys.map((k) => k.toLowerCase())), from: -Infinity, to: Infinity }, offset, limit);
    return { total, entries: this.index.read(this.file, slots) };
  }

  /** How many entries match (what an export of them will hold). */
  count(filter: AuditFilter): number {
    return this.index.find(indexFilter(filter), 0, 0).total;
  }

  /** The filtered entries as CSV (formula-safe, see csv-writer), oldest first, read a batch of lines at a time. */
  exportCsv(filter: AuditFilter, out: Writable): Promise<CsvWriteResult> {
    const header = ['time', 'team', 'admin', 'job', 'action', 'member id', 'member email', 'options', 'outcome', 'reason', 'request id', 'error tag'];
    const slots = this.index.find(indexFilter(filter), 0, Infinity).slots.reverse();
    const { file, index } = this;
    function* rows(): Generator<string[]> {
      for (let k = 0; k < slots.length; k += EXPORT_BATCH) {
        for (const e of index.read(file, slots.slice(k, k + EXPORT_BATCH))) {
          yield [e.time, e.teamId, e.admin.email, e.jobId, e.action, e.member.id ?? '', e.member.email ?? '', JSON.stringify(e.options), e.outcome, e.reason ?? '', e.requestId ?? '', e.errorTag ?? ''];
        }
      }
    }
    return writeCsv(header, rows(), out);
  }

  close(): Promise<void> {
    return this.appender.close();
  }
}

export { auditFilterSchema };
export type { AuditEntry, AuditFilter };
