import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync } from 'node:fs';
import type { AuditEntry } from '../../../preload/contract/audit.js';

/** A filter as the index matches it: strings already lower-cased, dates as epoch ms. */
export interface IndexFilter {
  /** Lower-cased member ids or emails; an entry naming any of them matches. */
  members?: ReadonlySet<string>;
  action?: string;
  outcome?: string;
  from: number;
  to: number;
}

const NONE = -1;

/**
 * What a query of the audit log filters on, one slot per entry, in memory:
 * where its line starts and how long it is, its time, and its action,
 * outcome, member id and email as numbers standing for strings seen before
 * (a few dozen bytes an entry). A query scans these numbers and reads from
 * disk only the lines of the page it answers, so its cost follows the page,
 * not the log. Entries are added only once they are on disk.
 */
export class AuditIndex {
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly times: number[] = [];
  private readonly actions: number[] = [];
  private readonly outcomes: number[] = [];
  private readonly memberIds: number[] = [];
  private readonly emails: number[] = [];
  private readonly codes = new Map<string, number>();
  /** Bytes of the file the index covers: where the next line starts. */
  end = 0;

  get size(): number {
    return this.offsets.length;
  }

  /** The entry written as the next `length` bytes of the file. */
  add(entry: AuditEntry, length: number): void {
    this.offsets.push(this.end);
    this.lengths.push(length);
    this.end += length;
    this.times.push(Date.parse(entry.time));
    this.actions.push(this.code(entry.action));
    this.outcomes.push(this.code(entry.outcome));
    this.memberIds.push(this.code(entry.member?.id?.toLowerCase()));
    this.emails.push(this.code(entry.member?.email?.toLowerCase()));
  }

  /** Bytes that are no entry (a damaged line): skipped by every query. */
  skip(length: number): void {
    this.end += length;
  }

  /**
   * Positions of the matching entries, newest first, from the `offset`-th
   * match on, at most `limit` of them; and how many match in all.
   */
  find(filter: IndexFilter, offset: number, limit: number): { total: number; slots: number[] } {
    const matches = this.matcher(filter);
    const slots: number[] = [];
    let total = 0;
    for (let i = this.offsets.length - 1; i >= 0; i--) {
      if (!matches(i)) continue;
      if (total >= offset && slots.length < limit) slots.push(i);
      total++;
    }
    return { total, slots };
  }

  /** Reads these entries' lines from the file (adjacent lines in one read). */
  read(file: string, slots: readonly number[]): AuditEntry[] {
    if (slots.length === 0) return [];
    const entries: AuditEntry[] = [];
    const fd = openSync(file, 'r');
    try {
      let k = 0;
      while (k < slots.length) {
        // A run of neighbouring lines, in either direction, is one read.
        let j = k;
        const step = slots.length > k + 1 && slots[k + 1] < slots[k] ? -1 : 1;
        while (j + 1 < slots.length && slots[j + 1] === slots[j] + step) j++;
        const first = Math.min(slots[k], slots[j]);
        const last = Math.max(slots[k], slots[j]);
        const start = this.offsets[first];
        const buffer = Buffer.allocUnsafe(this.offsets[last] + this.lengths[last] - start);
        for (let got = 0; got < buffer.length; ) {
          const n = readSync(fd, buffer, got, buffer.length - got, start + got);
          if (n === 0) throw new Error('The audit log is shorter than its index');
          got += n;
        }
        const parse = (slot: number) => JSON.parse(buffer.toString('utf8', this.offsets[slot] - start, this.offsets[slot] - start + this.lengths[slot])) as AuditEntry;
        if (step === 1) for (let s = first; s <= last; s++) entries.push(parse(s));
        else for (let s = last; s >= first; s--) entries.push(parse(s));
        k = j + 1;
      }
    } finally {
      closeSync(fd);
    }
    return entries;
  }

  private code(value: string | undefined): number {
    if (value === undefined) return NONE;
    let c = this.codes.get(value);
    if (c === undefined) this.codes.set(value, (c = this.codes.size));
    return c;
  }

  private matcher(f: IndexFilter): (i: number) => boolean {
    // A string never seen in the log matches nothing.
    const known = (v: string | undefined) => (v === undefined ? undefined : (this.codes.get(v) ?? -2));
    const action = known(f.action);
    const outcome = known(f.outcome);
    const members = f.members ? new Set([...f.members].map((m) => this.codes.get(m)).filter((c) => c !== undefined)) : undefined;
    const { from, to } = f;
    const timed = from !== -Infinity || to !== Infinity;
    return (i) =>
      (action === undefined || this.actions[i] === action) &&
      (outcome === undefined || this.outcomes[i] === outcome) &&
      (members === undefined || members.has(this.memberIds[i]) || members.has(this.emails[i])) &&
      (!timed || (this.times[i] >= from && this.times[i] <= to));
  }
}

/**
 * Builds the index of the first `upTo` bytes of an audit log (whole lines,
 * on disk: tail repaired when the log was opened). A damaged line is skipped
 * and reported by its line number.
 */
export function indexAuditFile(file: string, upTo: number): { index: AuditIndex; badLines: number[] } {
  const index = new AuditIndex();
  const badLines: number[] = [];
  if (upTo === 0) return { index, badLines };
  const data = readPrefix(file, upTo);
  const all = parseAllAtOnce(data);
  if (all) {
    let start = 0;
    for (const entry of all) {
      const end = data.indexOf(0x0a, start) + 1;
      index.add(entry, end - start);
      start = end;
    }
    return { index, badLines };
  }
  let start = 0;
  let lineNo = 0;
  while (start < data.length) {
    const end = data.indexOf(0x0a, start) + 1;
    lineNo++;
    const line = data.toString('utf8', start, end - 1);
    let entry: AuditEntry | undefined;
    if (line.trim() !== '') {
      try {
        entry = JSON.parse(line) as AuditEntry;
      } catch {
        badLines.push(lineNo);
      }
    }
    if (entry) index.add(entry, end - start);
    else index.skip(end - start);
    start = end;
  }
  return { index, badLines };
}

/** Bytes read from the end of the log to find a torn last line. */
const TAIL_BYTES = 256 * 1024;

/**
 * Opening the log after a crash: a last line without its newline (cut short
 * mid-append), or one whole but not JSON (a power loss can leave it
 * zero-filled), never counted as written and is cut off, so the next append
 * starts on a fresh line. Reads only the end of the file. Answers the length kept.
 */
export function repairTail(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  try {
    const size = fstatSync(fd).size;
    const from = Math.max(0, size - TAIL_BYTES);
    const tail = Buffer.alloc(size - from);
    for (let got = 0; got < tail.length; ) got += readSync(fd, tail, got, tail.length - got, from + got);
    const lastNewline = tail.lastIndexOf(0x0a);
    // No line end in the tail read: a whole file of one unfinished line, or a last line longer than any entry.
    let keep = lastNewline < 0 ? (from === 0 ? 0 : size) : from + lastNewline + 1;
    if (lastNewline >= 0) {
      const lineStart = tail.lastIndexOf(0x0a, lastNewline - 1) + 1;
      if (lineStart > 0 || from === 0) {
        const line = tail.toString('utf8', lineStart, lastNewline);
        if (line.trim() !== '' && !parses(line)) keep = from + lineStart;
      }
    }
    if (keep < size) {
      ftruncateSync(fd, keep);
      fsyncSync(fd);
    }
    return keep;
  } finally {
    closeSync(fd);
  }
}

function parses(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function readPrefix(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const data = Buffer.allocUnsafe(length);
    for (let got = 0; got < length; ) {
      const n = readSync(fd, data, got, length - got, got);
      if (n === 0) throw new Error('The audit log is shorter than what was written to it');
      got += n;
    }
    return data;
  } finally {
    closeSync(fd);
  }
}

/**
 * Every whole line as one JSON array, in a single JSON.parse: several times
 * faster than a parse per line for a long log. Lines written by
 * JSON.stringify hold no raw newline, so joining them with commas is exact.
 * Undefined when any line is blank or not JSON: the line-by-line path then finds it.
 */
function parseAllAtOnce(data: Buffer): AuditEntry[] | undefined {
  const text = data.toString('utf8');
  if (text.includes('\n\n') || text.startsWith('\n') || text.includes('\0')) return undefined;
  try {
    const all: unknown = JSON.parse(`[${text.slice(0, -1).replaceAll('\n', ',')}]`);
    return Array.isArray(all) && all.every((e) => typeof e === 'object' && e !== null && !Array.isArray(e)) ? (all as AuditEntry[]) : undefined;
  } catch {
    return undefined;
  }
}
