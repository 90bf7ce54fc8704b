import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AuditLog, type AuditEntry } from '../../../../main/core/audit/audit-log.js';

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  time: '2026-05-17T10:00:00.000Z',
  teamId: 'dbtid:team',
  admin: { teamMemberId: 'dbmid:admin', email: 'admin@example.com' },
  jobId: 'job-1',
  action: 'member.suspend',
  member: { id: 'dbmid:a', email: 'a@example.com' },
  options: { wipeData: false },
  outcome: 'done',
  requestId: 'req-1',
  ...over,
});

describe('AuditLog', () => {
  it('filters by member, action, outcome and date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-audit-'));
    const log = AuditLog.open(dir, 'dbtid:team');
    await log.append(entry({}));
    await log.append(entry({ time: '2026-05-18T09:00:00.000Z', member: { id: 'dbmid:b', email: 'B@example.com' }, action: 'member.remove', outcome: 'failed', reason: 'No.', errorTag: 'remove_last_admin' }));
    await log.append(entry({ time: '2026-05-19T09:00:00.000Z', outcome: 'skipped', reason: 'Already suspended.' }));
    expect(log.read({ member: 'b@example.com' }).map((e) => e.action)).toEqual(['member.remove']);
    expect(log.read({ member: 'dbmid:a' })).toHaveLength(2);
    expect(log.read({ action: 'member.suspend', outcome: 'skipped' })).toHaveLength(1);
    expect(log.read({ from: '2026-05-18', to: '2026-05-18' }).map((e) => e.member.id)).toEqual(['dbmid:b']);
    expect(() => log.read({ from: 'yesterday' } as never)).toThrow();
    await log.close();
  });

  it('never writes a secret-looking option, cuts a torn last line on open, and exports formula-safe CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-audit-'));
    let log = AuditLog.open(dir, 'dbtid:team');
    await log.append(entry({ options: { wipeData: true, accessToken: 'sl.secret', refresh_token: 'r' }, member: { email: '=HYPERLINK("x")' } }));
    await log.close();
    appendFileSync(log.file, '{"time":"2026-05-17T11:00');
    log = AuditLog.open(dir, 'dbtid:team');
    await log.append(entry({ jobId: 'job-2' }));
    const text = readFileSync(log.file, 'utf8');
    expect(text).not.toContain('sl.secret');
    expect(text.split('\n').filter(Boolean).map((l) => JSON.parse(l).jobId)).toEqual(['job-1', 'job-2']);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await log.exportCsv({}, out);
    const csv = Buffer.concat(chunks).toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFtime,team,admin,job,action,member id,member email,options,outcome,reason,request id,error tag');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    await log.close();
  });
});
