import { Readable, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/**
 * Characters that make spreadsheet apps read a cell as a formula (OWASP "CSV
 * injection"), including the full-width forms some apps normalise.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/**
 * Blanks (line breaks, spaces, NBSP, BOM, zero-width space) and separators
 * that a careless reader trims or splits on before it looks for a formula.
 */
const SKIPPED_BEFORE_FORMULA = /^[\s\u200B;,]+/u;

/** A cell that a spreadsheet would evaluate gets a leading apostrophe, which shows it as text. */
export function neutraliseCell(value: string): string {
  if (value.length === 0) return value;
  if (FORMULA_START.has(value[0])) return `'${value}`;
  const skipped = SKIPPED_BEFORE_FORMULA.exec(value)?.[0].length ?? 0;
  return skipped > 0 && skipped < value.length && FORMULA_START.has(value[skipped]) ? `'${value}` : value;
}

const BATCH_BYTES = 64 * 1024;

export interface CsvWriteResult {
  rows: number;
  bytes: number;
}

/**
 * Streams a CSV to `out`: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM
 * (so spreadsheet apps pick the right encoding), every cell neutralised.
 * Rows are pulled one at a time, so memory does not grow with the row count.
 */
export async function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>, out: Writable): Promise<CsvWriteResult> {
  let count = 0;
  let bytes = 0;
  function* records(): Generator<string[]> {
    yield header.map(neutraliseCell);
    for (const row of rows) {
      count++;
      yield row.map(neutraliseCell);
    }
  }
  // csv-stringify emits one small chunk per record; gathering them into ~64 KB writes keeps
  // 50,000 rows from becoming 50,000 writes to the file or socket.
  let pending: Buffer[] = [];
  let pendingSize = 0;
  const batcher = new Transform({
    transform(chunk: Buffer | string, _enc, done) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buf.length;
      pending.push(buf);
      pendingSize += buf.length;
      if (pendingSize < BATCH_BYTES) return done();
      const out = Buffer.concat(pending, pendingSize);
      pending = [];
      pendingSize = 0;
      done(null, out);
    },
    flush(done) {
      done(null, pendingSize ? Buffer.concat(pending, pendingSize) : undefined);
    },
  });
  // quote_record_delimiter: with a custom record delimiter csv-stringify would otherwise leave a lone CR or LF unquoted.
  const csv = stringify({ bom: true, record_delimiter: 'windows', quote_record_delimiter: true, quote: '"', escape: '"', eof: true });
  await pipeline(Readable.from(records()), csv, batcher, out);
  return { rows: count, bytes };
}
