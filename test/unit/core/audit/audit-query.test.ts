import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, type AuditEntry, type AuditFilter } from '../../../../main/core/audit/audit-log.js';

const ACTIONS = ['member.suspend', 'member.remove', 'member.edit-profile'];
const OUTCOMES = ['done', 'skipped', 'failed', 'unconfirmed'] as const;

function entryAt(i: number): AuditEntry {
  const m = i % 7;
  return {
    time: new Date(Date.UTC(2026, 4, 1) + i * 3_600_000).toISOString(),
    teamId: 'dbtid:team',
    admin: { teamMemberId: 'dbmid:admin', email: 'admin@example.com' },
    jobId: `job-${Math.floor(i / 10)}`,
    action: ACTIONS[i % 3],
    // Some entries are invites, named by email only; emails in mixed case.
    member: i % 11 === 0 ? { email: `Person${m}@Example.com` } : { id: `dbmid:m${m}`, email: `person${m}@example.com` },
    options: { n: i },
    outcome: OUTCOMES[i % 4],
  };
}

/** What a query must answer, worked out from every line of the file. */
function reference(file: string, keep: (e: AuditEntry) => boolean, offset: number, limit: number) {
  const all = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as AuditEntry];
      } catch {
        return [];
      }
    })
    .filter(keep)
    .reverse();
  return { total: all.length, entries: all.slice(offset, offset + limit) };
}

const filters: Array<[AuditFilter, (e: AuditEntry) => boolean]> = [
  [{}, () => true],
  [{ member: 'PERSON3@example.com' }, (e) => e.member.email?.toLowerCase() === 'person3@example.com'],
  [{ member: 'dbmid:m2' }, (e) => e.member.id === 'dbmid:m2'],
  [{ action: 'member.remove', outcome: 'failed' }, (e) => e.action === 'member.remove' && e.outcome === 'failed'],
  [{ from: '2026-05-03', to: '2026-05-04' }, (e) => e.time >= '2026-05-03' && e.time < '2026-05-05'],
  [{ action: 'member.nothing' }, () => false],
];

function expectSameAnswers(log: AuditLog): void {
  for (const [filter, keep] of filters) {
    for (const [offset, limit] of [
      [0, 10],
      [7, 5],
      [0, 1000],
      [190, 50],
    ]) {
      expect(log.page(filter, offset, limit), JSON.stringify({ filter, offset, limit })).toEqual(reference(log.file, keep, offset, limit));
    }
    expect(log.count(filter)).toBe(reference(log.file, keep, 0, 1e9).total);
    expect(log.read(filter)).toEqual(reference(log.file, keep, 0, 1e9).entries.reverse());
  }
  const history = (e: AuditEntry) => e.member.id === 'dbmid:m4' || e.member.email?.toLowerCase() === 'person4@example.com';
  expect(log.memberHistory(['dbmid:m4', 'Person4@example.com'], 3, 6)).toEqual(reference(log.file, history, 3, 6));
}

describe('AuditLog queries', () => {
  it('answer every filter and page exactly as reading the whole log would, before and after appends and a reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-audit-q-'));
    let log = AuditLog.open(dir, 'dbtid:team');
    await Promise.all(Array.from({ length: 120 }, (_, i) => log.append(entryAt(i))));
    expectSameAnswers(log);
    // Appends after the first query, some still being written while the next query runs.
    const more = Promise.all(Array.from({ length: 60 }, (_, i) => log.append(entryAt(120 + i))));
    expect(log.page({}, 0, 1).total).toBeGreaterThanOrEqual(120);
    await more;
    expectSameAnswers(log);
    expect(log.page({}, 0, 1).entries[0].options).toEqual({ n: 179 });
    await log.close();

    log = AuditLog.open(dir, 'dbtid:team');
    await log.append(entryAt(180));
    expectSameAnswers(log);
    expect(log.page({}, 0, 1)).toMatchObject({ total: 181, entries: [{ options: { n: 180 } }] });
    await log.close();
  });

  it('after a crash: a torn or zero-filled last line is cut off on open, a damaged line is skipped and said, and appends go on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-audit-q-'));
    let log = AuditLog.open(dir, 'dbtid:team');
    for (let i = 0; i < 30; i++) await log.append(entryAt(i));
    await log.close();
    const whole = readFileSync(log.file, 'utf8');
    const lines = whole.split('\n');
    // A damaged line in the middle (not a crash: corruption), then a torn append at the end.
    writeFileSync(log.file, [...lines.slice(0, 10), '{"time":"2026-05', ...lines.slice(10)].join('\n') + '{"time":"2026-05-17T11:00');
    log = AuditLog.open(dir, 'dbtid:team');
    expect(readFileSync(log.file, 'utf8').endsWith('}\n')).toBe(true);
    await log.append(entryAt(30));
    expect(log.damage).toMatch(/^The audit log has 1 damaged line \(line 11\)/);
    expect(log.page({}, 0, 100).total).toBe(31);
    expectSameAnswers(log);
    await log.close();

    // A power loss can leave the last line whole but zero-filled: it never counted either.
    appendFileSync(log.file, Buffer.concat([Buffer.alloc(40), Buffer.from('\n')]));
    log = AuditLog.open(dir, 'dbtid:team');
    await log.append(entryAt(31));
    expect(log.page({}, 0, 2).entries.map((e) => e.options)).toEqual([{ n: 31 }, { n: 30 }]);
    expect(readFileSync(log.file, 'utf8')).not.toContain('\0');
    expectSameAnswers(log);
    await log.close();
  });
});
