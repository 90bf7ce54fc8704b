/**
 * Audit log queries on a 100,000-entry log (issue 10, review finding 4):
 * a page of listAudit (no filter, and filtered by member), a member's
 * history and a count, through AuditLog, beside the same queries answered
 * the way the log was read before: the whole file parsed, filtered, then
 * sliced (the baseline, measured in the same run). Also the one-off costs:
 * opening the log, and the first query, which builds the index. Prints;
 * asserts nothing.
 *
 *   npm run bench -- audit-query
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditLog, type AuditEntry } from '../../main/core/audit/audit-log.js';
import { readJsonLines } from '../../main/core/fs/json-lines.js';

const ENTRIES = 100_000;
const PAGE = 50;
const ACTIONS = ['member.edit-profile', 'member.suspend', 'member.unsuspend', 'member.remove', 'member.invite', 'member.change-role'];
const OUTCOMES = ['done', 'done', 'done', 'skipped', 'failed'] as const;

function entryAt(i: number): AuditEntry {
  const m = i % 5000;
  const outcome = OUTCOMES[i % OUTCOMES.length];
  return {
    time: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    teamId: 'dbtid:AAAbench',
    admin: { teamMemberId: 'dbmid:AAAadmin', email: 'admin@example.com' },
    jobId: `job-20260101T000000-${(Math.floor(i / 100) % 0xffffffff).toString(16).padStart(8, '0')}`,
    action: ACTIONS[i % ACTIONS.length],
    member: { id: `dbmid:AAAmember${m}`, email: `person${m}@example.com` },
    options: { givenName: `Given${i}`, wipeData: false },
    outcome,
    ...(outcome === 'skipped' ? { reason: 'Already as wanted.' } : outcome === 'failed' ? { reason: 'Dropbox refused the request.', errorTag: 'user_not_found' } : {}),
    requestId: `req${i.toString(16).padStart(12, '0')}`,
  };
}

/** The query as it was answered before: every line parsed, then filtered and sliced. */
function wholeLogPage(file: string, keep: (e: AuditEntry) => boolean, offset: number, limit: number): { total: number; entries: AuditEntry[] } {
  const all = readJsonLines(file, (v) => v as AuditEntry).records.filter(keep);
  const end = Math.max(0, all.length - offset);
  return { total: all.length, entries: all.slice(Math.max(0, end - limit), end).reverse() };
}

function best(runs: number, fn: () => unknown): number {
  let min = Infinity;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const row = (name: string, value: string) => console.log(`${name.padEnd(52)}${value}`);

export default async function auditQuery(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-audit-'));
  const teamId = 'dbtid:AAAbench';
  const seed = AuditLog.open(dataDir, teamId);
  const file = seed.file;
  await seed.close();
  const lines: string[] = [];
  for (let i = 0; i < ENTRIES; i++) lines.push(JSON.stringify(entryAt(i)));
  writeFileSync(file, lines.join('\n') + '\n');

  const opened = performance.now();
  const log = AuditLog.open(dataDir, teamId);
  const openMs = performance.now() - opened;
  const firstQuery = performance.now();
  log.page({}, 0, PAGE);
  const firstMs = performance.now() - firstQuery;
  const member = 'person1234@example.com';
  const byMember = (e: AuditEntry) => e.member.email === member || e.member.id?.toLowerCase() === member;

  const cases: Array<[string, () => unknown, () => unknown]> = [
    ['listAudit, newest page, no filter', () => log.page({}, 0, PAGE), () => wholeLogPage(file, () => true, 0, PAGE)],
    ['listAudit, page 100 (offset 5,000), no filter', () => log.page({}, 5000, PAGE), () => wholeLogPage(file, () => true, 5000, PAGE)],
    ['listAudit, filtered by member', () => log.page({ member }, 0, PAGE), () => wholeLogPage(file, byMember, 0, PAGE)],
    ['listAudit, action + outcome', () => log.page({ action: 'member.suspend', outcome: 'failed' }, 0, PAGE), () => wholeLogPage(file, (e) => e.action === 'member.suspend' && e.outcome === 'failed', 0, PAGE)],
    ['getMemberHistory', () => log.memberHistory(['dbmid:AAAmember1234', member], 0, PAGE), () => wholeLogPage(file, byMember, 0, PAGE)],
  ];
  // Both give the same answers.
  const same = JSON.stringify(log.page({ member }, 0, PAGE)) === JSON.stringify(wholeLogPage(file, byMember, 0, PAGE));
  console.log(`an audit log of ${ENTRIES.toLocaleString('en')} entries (${(lines.join('\n').length / 1048576).toFixed(1)} MiB), pages of ${PAGE}; best of 5 runs`);
  row('opening the log (checks its last line)', `${openMs.toFixed(1)} ms`);
  row('first query (builds the index, once per run)', `${firstMs.toFixed(0)} ms`);
  for (const [name, indexed, whole] of cases) {
    const a = best(5, indexed);
    const b = best(5, whole);
    row(name, `${a.toFixed(2)} ms vs ${b.toFixed(0)} ms reading the whole log (baseline): ${(b / a).toFixed(0)}× faster`);
  }
  row('same entries as the baseline', same ? 'yes' : 'NO');
  const appendStarted = performance.now();
  for (let i = 0; i < 200; i++) await log.append(entryAt(ENTRIES + i));
  row('200 appends after opening (each fsynced)', `${(performance.now() - appendStarted).toFixed(0)} ms; newest page then ${best(5, () => log.page({}, 0, PAGE)).toFixed(2)} ms`);
  await log.close();
}
