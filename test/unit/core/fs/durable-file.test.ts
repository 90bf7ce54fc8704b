import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableAppender, replaceFile, replaceFileSync } from '../../../../main/core/fs/durable-file.js';
import { readJsonLines } from '../../../../main/core/fs/json-lines.js';

const SIZE = 4 * 1024 * 1024;
const CHILD = join(import.meta.dirname, 'replace-child.ts');

function runChild(file: string, step: string): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, file, step, String(SIZE)], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The file is wholly one of the allowed contents: same length, one repeated letter. */
function wholeContentOf(file: string): string {
  const text = readFileSync(file, 'latin1');
  expect(text.length).toBe(SIZE);
  const letter = text[0];
  expect(text.split(letter).length - 1).toBe(SIZE);
  return letter;
}

describe('replaceFile: a crash leaves the old or the new content, never a torn one', () => {
  it.each([
    ['written', 'O'],
    ['synced', 'O'],
    ['renamed', 'N'],
  ])('a process SIGKILLed after the %s step leaves the %s content', async (step, expected) => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-durable-'));
    const file = join(dir, 'data.json');
    writeFileSync(file, 'O'.repeat(SIZE));
    const child = runChild(file, step);
    const [, signal] = await once(child, 'exit');
    expect(signal).toBe('SIGKILL');
    expect(wholeContentOf(file)).toBe(expected);
  });

  it('a process killed from outside at random moments of repeated replaces never leaves a torn file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-durable-'));
    const file = join(dir, 'data.json');
    writeFileSync(file, 'O'.repeat(SIZE));
    const seen = new Set<string>();
    for (let round = 0; round < 4; round++) {
      const child = runChild(file, 'loop');
      await once(child.stdout!, 'data');
      await new Promise((r) => setTimeout(r, 20 + round * 37));
      child.kill('SIGKILL');
      await once(child, 'exit');
      seen.add(wholeContentOf(file));
    }
    expect([...seen].every((l) => 'OBC'.includes(l))).toBe(true);
  });

  it('a failure between write and rename keeps the old content and tidies the temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-durable-'));
    const file = join(dir, 'settings.json');
    replaceFileSync(file, 'old');
    const crash = (s: string) => {
      if (s === 'synced') throw new Error('simulated crash');
    };
    expect(() => replaceFileSync(file, 'new', { onStep: crash })).toThrow('simulated crash');
    await expect(replaceFile(file, 'new', { onStep: crash })).rejects.toThrow('simulated crash');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    await replaceFile(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('DurableAppender and readJsonLines', () => {
  it('appends in order, concurrent appends included, and reads them back', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tk-append-')), 'log.jsonl');
    const log = DurableAppender.open(file);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append(JSON.stringify({ i }) + '\n')));
    log.appendSync(JSON.stringify({ i: 50 }) + '\n');
    await log.close();
    const { records, repairedBytes } = readJsonLines(file, (v) => (v as { i: number }).i);
    expect(records).toEqual(Array.from({ length: 51 }, (_, i) => i));
    expect(repairedBytes).toBe(0);
    await expect(log.append('x\n')).rejects.toThrow('closed');
  });

  it('a torn last line is ignored, cut off with repair, and the next append starts clean', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tk-append-')), 'log.jsonl');
    writeFileSync(file, '{"i":1}\n{"i":2}\n{"i":3,"who":"half');
    expect(readJsonLines(file, (v) => v).records).toEqual([{ i: 1 }, { i: 2 }]);
    const read = readJsonLines(file, (v) => v, { repair: true });
    expect(read.repairedBytes).toBe('{"i":3,"who":"half'.length);
    const log = DurableAppender.open(file);
    await log.append('{"i":4}\n');
    await log.close();
    expect(readJsonLines(file, (v) => v).records).toEqual([{ i: 1 }, { i: 2 }, { i: 4 }]);
  });

  it('a zero-filled last line (power loss) counts as torn; a bad line in the middle is reported', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tk-append-')), 'log.jsonl');
    writeFileSync(file, '{"i":1}\n');
    appendFileSync(file, Buffer.concat([Buffer.alloc(12), Buffer.from('\n')]));
    expect(readJsonLines(file, (v) => v, { repair: true })).toEqual({ records: [{ i: 1 }], repairedBytes: 13 });
    writeFileSync(file, '{"i":1}\nnot json\n{"i":2}\n');
    expect(() => readJsonLines(file, (v) => v)).toThrow('Line 2 of log.jsonl is not valid JSON');
  });

  it('a write that fails part-way (disk full) is cut back off, so the next append never lands after torn bytes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tk-append-')), 'log.jsonl');
    let tear: number | undefined;
    const log = DurableAppender.open(file, { tearWrite: () => tear });
    await log.append('{"i":1}\n');
    tear = 5;
    await expect(log.append('{"i":2,"more":"text"}\n')).rejects.toThrow('ENOSPC');
    tear = undefined;
    await log.append('{"i":3}\n');
    tear = 3;
    expect(() => log.appendSync('{"i":4}\n')).toThrow('ENOSPC');
    tear = undefined;
    log.appendSync('{"i":5}\n');
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe('{"i":1}\n{"i":3}\n{"i":5}\n');
    expect(readJsonLines(file, (v) => v).records).toEqual([{ i: 1 }, { i: 3 }, { i: 5 }]);
  });

  it('every append of a write that failed is told so, not only the first of them', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tk-append-')), 'log.jsonl');
    let tear: number | undefined = 4;
    const log = DurableAppender.open(file, { tearWrite: () => tear });
    // Made in one tick, they go out in one write, which fails: none of them is on disk.
    const outcomes = await Promise.allSettled([log.append('{"i":1}\n'), log.append('{"i":2}\n'), log.append('{"i":3}\n')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    tear = undefined;
    await log.append('{"i":4}\n');
    await log.close();
    expect(readFileSync(file, 'utf8')).toBe('{"i":4}\n');
  });
});
