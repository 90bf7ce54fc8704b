import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, writeCsv } from '../../../../main/core/reports/csv-writer.js';

async function csvBytes(header: string[], rows: string[][]): Promise<{ buf: Buffer; result: { rows: number; bytes: number } }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const result = await writeCsv(header, rows, out);
  return { buf: Buffer.concat(chunks), result };
}

describe('writeCsv', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', async () => {
    const { buf } = await csvBytes(['Name', 'Email'], [['Ada', 'ada@example.com']]);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(buf.subarray(3).toString('utf8')).toBe('Name,Email\r\nAda,ada@example.com\r\n');
  });

  it('quotes fields with commas, quotes and line breaks and doubles inner quotes (RFC 4180)', async () => {
    const { buf } = await csvBytes(['a', 'b', 'c', 'd'], [['Doe, Jane', 'say "hi"', 'two\nlines', 'cr\r\nlf']]);
    expect(buf.subarray(3).toString('utf8')).toBe('a,b,c,d\r\n"Doe, Jane","say ""hi""","two\nlines","cr\r\nlf"\r\n');
  });

  it('keeps non-ASCII text intact', async () => {
    const { buf } = await csvBytes(['Name'], [['Zoë Müller-Łucja 東京']]);
    expect(buf.subarray(3).toString('utf8')).toBe('Name\r\nZoë Müller-Łucja 東京\r\n');
  });

  it('neutralises formula cells in the file, including inside quoted cells', async () => {
    const { buf } = await csvBytes(['x'], [['=HYPERLINK("http://evil","x")'], ['+1'], ['-2+3'], ['@SUM(A1)'], ['\tcmd'], ['\rcmd']]);
    const lines = buf.subarray(3).toString('utf8');
    expect(lines).toBe(`x\r\n"'=HYPERLINK(""http://evil"",""x"")"\r\n'+1\r\n'-2+3\r\n'@SUM(A1)\r\n'\tcmd\r\n"'\rcmd"\r\n`);
  });

  it('counts data rows (not the header) and the exact bytes written', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => [`n${i}`, `e${i}@x.com`]);
    const { buf, result } = await csvBytes(['n', 'e'], rows);
    expect(result.rows).toBe(250);
    expect(result.bytes).toBe(buf.length);
  });

  it('writes only a header for no rows', async () => {
    const { buf, result } = await csvBytes(['Name'], []);
    expect(result.rows).toBe(0);
    expect(buf.subarray(3).toString('utf8')).toBe('Name\r\n');
  });
});

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-5', "'-5"],
    ['@admin', "'@admin"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['\uFF1DSUM(A1)', "'\uFF1DSUM(A1)"],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  // A reader that trims cells or splits lines itself sees whatever follows leading blanks or separators.
  it.each([
    ['\n=1+1', "'\n=1+1"],
    ['\r\n=1+1', "'\r\n=1+1"],
    [' =1', "' =1"],
    ['   +SUM(A1)', "'   +SUM(A1)"],
    ['\u00A0=1', "'\u00A0=1"],
    ['\uFEFF=1', "'\uFEFF=1"],
    ['\u200B@x', "'\u200B@x"],
    ['\u3000-2', "'\u3000-2"],
    [';=HYPERLINK("x")', `';=HYPERLINK("x")`],
    [',=1', "',=1"],
    ['; \n -1', "'; \n -1"],
    [' \uFF1D1', "' \uFF1D1"],
    ['\nplain', '\nplain'],
    [' leading space', ' leading space'],
    ['; not a formula', '; not a formula'],
    ['\u00A0', '\u00A0'],
    ['a;=b', 'a;=b'],
  ])('blanks or separators before a formula: %j → %j', (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });
});
