import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../main/core/audit/audit-log.js';
import { fileNameOf } from '../../../../main/core/fs/file-name.js';
import { JobJournal } from '../../../../main/core/jobs/journal.js';

describe('team ids as file names', () => {
  it('is injective: ids that differ only in an unsafe character get different names', () => {
    const ids = ['dbtid:X', 'dbtid_X', 'dbtid/X', 'dbtid.X', 'dbtid_3aX', 'dbtid:é', 'dbtid:e'];
    const names = ids.map(fileNameOf);
    expect(new Set(names).size).toBe(ids.length);
    expect(fileNameOf('dbtid:AAB-c9')).toBe('dbtid_3aAAB-c9');
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('jobs and the audit log of dbtid:X and dbtid_X never share a file or folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tk-names-'));
    expect(JobJournal.jobsDir(dataDir, 'dbtid:X')).not.toBe(JobJournal.jobsDir(dataDir, 'dbtid_X'));
    const a = AuditLog.open(dataDir, 'dbtid:X');
    const b = AuditLog.open(dataDir, 'dbtid_X');
    expect(a.file).not.toBe(b.file);
    await a.close();
    await b.close();
  });

  it("a log and jobs under the earlier name move to the new name when they are this team's, and stay put when not", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tk-names-'));
    mkdirSync(join(dataDir, 'audit'));
    const line = JSON.stringify({ time: '2026-01-01T00:00:00.000Z', teamId: 'dbtid:X', jobId: 'job-1', action: 'member.suspend', member: {}, options: {}, outcome: 'done', admin: { teamMemberId: 'a', email: 'a@b.c' } });
    writeFileSync(join(dataDir, 'audit', 'dbtid_X.jsonl'), line + '\n');
    const other = AuditLog.open(dataDir, 'dbtid_X');
    expect(other.read()).toEqual([]);
    await other.close();
    const mine = AuditLog.open(dataDir, 'dbtid:X');
    expect(mine.read().map((e) => e.jobId)).toEqual(['job-1']);
    await mine.close();
    expect(readFileSync(mine.file, 'utf8')).toBe(line + '\n');

    mkdirSync(join(dataDir, 'jobs', 'dbtid_X', 'job-1'), { recursive: true });
    writeFileSync(join(dataDir, 'jobs', 'dbtid_X', 'job-1', 'plan.json'), JSON.stringify({ teamId: 'dbtid:X' }));
    JobJournal.adoptLegacyDir(dataDir, 'dbtid_X');
    expect(JobJournal.listIds(JobJournal.jobsDir(dataDir, 'dbtid_X'))).toEqual([]);
    JobJournal.adoptLegacyDir(dataDir, 'dbtid:X');
    expect(JobJournal.listIds(JobJournal.jobsDir(dataDir, 'dbtid:X'))).toEqual(['job-1']);
  });
});
