import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent, JobEvent, JobSummary } from '../../../../preload/contract.js';
import { refreshTokenKey } from '../../../../main/core/auth/sign-in.js';
import type { RunningSandbox } from '../../../../main/sandbox/index.js';
import { members, writesLogged } from '../../../support/jobs-fixture.js';
import { startHostedCore, type HostedCore } from './host-api.js';

const SET_PROFILE = 'team/members/set_profile_v2';
let h: HostedCore;
let sb: RunningSandbox;

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last: ${JSON.stringify(v).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const jobOf = (jobId: string) => async () => (await h.call('listJobs')).find((j) => j.jobId === jobId)!;
const stopped = (j: JobSummary) => ['finished', 'paused', 'cancelled', 'interrupted'].includes(j.state);
const jobEvents = (jobId: string) => h.events.map((e) => e.event).filter((e): e is JobEvent => e.type.startsWith('job.') && (e as JobEvent).jobId === jobId);

beforeAll(async () => {
  h = await startHostedCore({ members: 120, seed: 5 }, undefined, { jobConcurrency: 2 });
  sb = h.core.service.sandboxTeam;
  await h.call('getDirectory', { includeRemoved: false });
});
beforeEach(() => {
  sb.sandbox.log.clear();
  sb.sandbox.config.latencyMs = 0;
});
afterAll(() => h.close());

describe('jobs through the Api, over the browser host', () => {
  it('plan → typed confirmation → events (state, progress, items, directory delta) → a results page → CSV download', async () => {
    const targets = members(sb, 'active').slice(0, 3);
    const plan = await h.call('planJob', { kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.email, surname: `Wired${i}` })) });
    expect(plan).toMatchObject({ kind: 'member.edit-profile', counts: { ready: 3, skip: 0, blocked: 0 }, confirmation: { text: '3' } });
    expect(plan.items.map((i) => i.member?.id)).toEqual(targets.map((m) => m.teamMemberId));
    expect(writesLogged(sb)).toEqual([]);

    expect(await h.refusal('startJob', { jobId: plan.jobId, confirmation: '4' })).toEqual({ code: 'confirmation_mismatch', message: 'Type 3 to confirm 3 changes. Nothing was sent.' });
    expect(writesLogged(sb)).toEqual([]);

    const from = h.events.length;
    const started = await h.call('startJob', { jobId: plan.jobId, confirmation: '3' });
    expect(started).toMatchObject({ jobId: plan.jobId, label: 'Edit profile', progress: { total: 3 } });
    const done = await until(jobOf(plan.jobId), stopped);
    expect(done).toMatchObject({ state: 'finished', resumable: false, progress: { total: 3, done: 3, failed: 0, pending: 0 } });
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Wired${i}`));

    const mine = jobEvents(plan.jobId);
    expect(mine.every((e) => e.connectionId === 'sandbox')).toBe(true);
    expect(mine.filter((e) => e.type === 'job.state').map((e) => (e as { state: string }).state)).toEqual(['running', 'finished']);
    expect(mine.filter((e) => e.type === 'job.item').map((e) => (e as { index: number }).index).sort()).toEqual([0, 1, 2]);
    expect(mine.filter((e) => e.type === 'job.progress').at(-1)).toMatchObject({ progress: { done: 3, pending: 0 } });
    const deltas = h.events.slice(from).map((e) => e.event).filter((e): e is Extract<AppEvent, { type: 'directory.delta' }> => e.type === 'directory.delta');
    expect(deltas.flatMap((d) => d.upserted.map((m) => [m.id, m.surname]))).toEqual(expect.arrayContaining(targets.map((m, i) => [m.teamMemberId, `Wired${i}`])));
    // One numbered stream: no gaps, in emit order.
    const seqs = h.events.map((e) => e.seq);
    seqs.forEach((s, i) => i > 0 && expect(s).toBe(seqs[i - 1] + 1));

    const page = await h.call('getJobItems', { jobId: plan.jobId, offset: 1, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.items.map((i) => [i.index, i.outcome.outcome, i.member?.email])).toEqual([
      [1, 'done', targets[1].email],
      [2, 'done', targets[2].email],
    ]);
    const logged = writesLogged(sb, SET_PROFILE);
    expect(logged).toHaveLength(3);
    expect(logged.map((r) => r.requestId)).toContain((page.items[0].outcome as { requestId: string }).requestId);

    const exported = await h.call('exportJobResults', { jobId: plan.jobId });
    expect(exported).toMatchObject({ kind: 'download', rows: 3, fileName: `${plan.jobId}-results.csv` });
    const lines = (await h.download(exported)).trim().split('\r\n');
    expect(lines[0]).toBe('item,member,input,outcome,reason,dropbox tag,request id');
    expect(lines).toHaveLength(4);
    logged.forEach((r) => expect(lines.some((l) => l.includes(',done,') && l.endsWith(r.requestId))).toBe(true));
  });

  it('pause lets sent items finish and starts nothing; resume runs on; cancel leaves the rest unrun for good', async () => {
    sb.sandbox.config.latencyMs = 30;
    const targets = members(sb, 'active').slice(10, 50);
    const plan = await h.call('planJob', { kind: 'member.edit-profile', items: targets.map((m, i) => ({ member: m.teamMemberId, givenName: `Paused${i}` })) });
    await h.call('startJob', { jobId: plan.jobId, confirmation: plan.confirmation!.text });
    await new Promise((r) => setTimeout(r, 120));
    const paused = await h.call('pauseJob', { jobId: plan.jobId });
    expect(paused).toMatchObject({ state: 'paused', resumable: true });
    const sentAtPause = writesLogged(sb, SET_PROFILE).length;
    expect(paused.progress.done).toBe(sentAtPause);
    await new Promise((r) => setTimeout(r, 150));
    expect(writesLogged(sb, SET_PROFILE)).toHaveLength(sentAtPause);

    expect((await h.call('resumeJob', { jobId: plan.jobId })).state).toBe('running');
    await new Promise((r) => setTimeout(r, 120));
    const cancelled = await h.call('cancelJob', { jobId: plan.jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', resumable: false });
    const sent = writesLogged(sb, SET_PROFILE).length;
    expect(sent).toBeGreaterThan(sentAtPause);
    expect(sent).toBeLessThan(40);
    expect(cancelled.progress).toMatchObject({ done: sent, pending: 40 - sent });
    await new Promise((r) => setTimeout(r, 150));
    expect(writesLogged(sb, SET_PROFILE)).toHaveLength(sent);
    expect(await h.refusal('resumeJob', { jobId: plan.jobId })).toMatchObject({ code: 'not_resumable' });
    expect(jobEvents(plan.jobId).filter((e) => e.type === 'job.state').map((e) => (e as { state: string }).state)).toEqual(['running', 'pausing', 'paused', 'running', 'cancelling', 'cancelled']);
  });

  it('pages one outcome at a time: total and offset count only the items with it', async () => {
    const targets = members(sb, 'active').slice(40, 44);
    // Two changes, two already so (skips), one member nobody has (failed once run).
    const items = [
      { member: targets[0].email, surname: 'Filtered0' },
      { member: targets[1].email, surname: targets[1].surname },
      { member: 'nobody-filtered@example.com', surname: 'X' },
      { member: targets[2].email, surname: targets[2].surname },
      { member: targets[3].email, surname: 'Filtered3' },
    ];
    const plan = await h.call('planJob', { kind: 'member.edit-profile', items });
    await h.call('startJob', { jobId: plan.jobId, confirmation: plan.confirmation!.text });
    await until(jobOf(plan.jobId), stopped);
    const page = (outcome: string, offset = 0, limit = 10) => h.call('getJobItems', { jobId: plan.jobId, offset, limit, outcome });
    const indexes = (p: { items: Array<{ index: number; outcome: { outcome: string } }> }) => p.items.map((i) => [i.index, i.outcome.outcome]);

    expect(await page('done')).toMatchObject({ total: 2 });
    expect(indexes(await page('done'))).toEqual([[0, 'done'], [4, 'done']]);
    expect(indexes(await page('failed'))).toEqual([[2, 'failed']]);
    // The second skip alone: offset and limit count skips, not items.
    expect(await page('skipped', 1, 1)).toMatchObject({ total: 2, items: [{ index: 3, outcome: { outcome: 'skipped' } }] });
    expect(await page('pending')).toEqual({ total: 0, items: [] });
    expect(await page('unconfirmed', 5)).toEqual({ total: 0, items: [] });
    expect((await h.call('getJobItems', { jobId: plan.jobId, offset: 0, limit: 10 })).total).toBe(5);
  });

  it('refuses bad arguments at the boundary with a specific error, and sends nothing', async () => {
    const [m] = members(sb, 'active').slice(60);
    const bad: Array<[string, unknown, RegExp]> = [
      ['planJob', { kind: 'member.suspend' }, /items/],
      ['planJob', { kind: 'member.suspend', items: [] }, /items/],
      ['planJob', { kind: 'member.suspend', items: [{ member: m.email, wipeData: false }], sneaky: true }, /sneaky|Unrecognized/],
      ['startJob', { jobId: '../../../etc/passwd' }, /jobId: A job id looks like/],
      ['startJob', { jobId: 'job-20260517T120000-0123abcd', confirmation: 'x'.repeat(321) }, /confirmation/],
      ['pauseJob', null, /argument/],
      ['getJobItems', { jobId: 'job-20260517T120000-0123abcd', offset: 0, limit: 5000 }, /limit/],
      ['getJobItems', { jobId: 'job-20260517T120000-0123abcd', offset: -1, limit: 5 }, /offset/],
      ['getJobItems', { jobId: 'job-20260517T120000-0123abcd', offset: 0, limit: 5, outcome: 'maybe' }, /outcome/],
      ['listAudit', { filter: { outcome: 'maybe' }, offset: 0, limit: 10 }, /filter.outcome/],
      ['listAudit', { filter: { from: 'last tuesday' }, offset: 0, limit: 10 }, /filter.from/],
      ['exportAudit', { filter: {}, path: '/tmp/x.csv' }, /path|Unrecognized/],
      ['getMemberHistory', { memberId: '', offset: 0, limit: 10 }, /memberId/],
    ];
    for (const [method, arg, message] of bad) {
      const error = await h.refusal(method, arg);
      expect(error.code, method).toBe('invalid_argument');
      expect(error.message, method).toMatch(message);
    }
    // Well-formed, but the core has nothing of the kind.
    expect(await h.refusal('planJob', { kind: 'member.explode', items: [{}] })).toEqual({ code: 'unknown_action', message: 'Teamkeeper has no action called "member.explode".' });
    expect(await h.refusal('startJob', { jobId: 'job-20260517T120000-0123abcd', confirmation: '1' })).toMatchObject({ code: 'unknown_job' });
    expect(await h.refusal('getJobItems', { jobId: 'job-20260517T120000-0123abcd', offset: 0, limit: 5 })).toMatchObject({ code: 'unknown_job' });
    // A bad item is a blocked plan item with its sentence, not a refused call.
    const plan = await h.call('planJob', { kind: 'member.suspend', items: [{ member: 'not an email', wipeData: false }, { member: m.email, wipeData: 'yes' }] });
    expect(plan.counts).toEqual({ ready: 0, skip: 0, blocked: 2 });
    expect(plan.items.map((i) => i.problems[0])).toEqual(['member: Choose a member by their email address or member id (dbmid:…).', expect.stringMatching(/^wipeData: /)]);
    expect(writesLogged(sb)).toEqual([]);
  });

  it('reads the audit log through the Api: filtered, paged newest first, exported, per member, never a token', async () => {
    const [edited] = members(sb, 'active').slice(70);
    const plan = await h.call('planJob', { kind: 'member.edit-profile', items: [{ member: edited.email, surname: 'Audited' }] });
    await h.call('startJob', { jobId: plan.jobId });
    await until(jobOf(plan.jobId), stopped);
    const invitePlan = await h.call('planJob', { kind: 'member.invite', items: [{ email: 'audit.invite@example.com', sendWelcomeEmail: false }] });
    await h.call('startJob', { jobId: invitePlan.jobId });
    await until(jobOf(invitePlan.jobId), stopped);
    const invited = sb.sandbox.store.memberByEmail('audit.invite@example.com')!;

    const all = await h.call('listAudit', { filter: {}, offset: 0, limit: 1000 });
    expect(all.total).toBe(all.entries.length);
    expect(all.total).toBeGreaterThanOrEqual(5);
    const times = all.entries.map((e) => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(all.entries[0]).toMatchObject({ jobId: invitePlan.jobId, action: 'member.invite', outcome: 'done', member: { email: 'audit.invite@example.com' } });

    const page = await h.call('listAudit', { filter: {}, offset: 1, limit: 1 });
    expect(page).toEqual({ total: all.total, entries: [all.entries[1]] });
    const byMember = await h.call('listAudit', { filter: { member: edited.email.toUpperCase() }, offset: 0, limit: 10 });
    expect(byMember.entries).toEqual([expect.objectContaining({ jobId: plan.jobId, action: 'member.edit-profile', outcome: 'done', options: { surname: 'Audited' }, member: { id: edited.teamMemberId, email: edited.email } })]);
    const invites = await h.call('listAudit', { filter: { action: 'member.invite', outcome: 'done', from: '2000-01-01', to: '2999-12-31' }, offset: 0, limit: 10 });
    expect(invites.entries.map((e) => e.jobId)).toEqual([invitePlan.jobId]);
    expect((await h.call('listAudit', { filter: { outcome: 'done', to: '2000-01-01' }, offset: 0, limit: 10 })).total).toBe(0);

    // The invite was audited by email, before the member had an id: their history still shows it.
    const history = await h.call('getMemberHistory', { memberId: invited.teamMemberId, offset: 0, limit: 10 });
    expect(history.entries.map((e) => e.action)).toEqual(['member.invite']);

    const exported = await h.call('exportAudit', { filter: { member: edited.teamMemberId } });
    expect(exported).toMatchObject({ kind: 'download', rows: 1, fileName: 'audit-log-2026-05-17.csv' });
    const lines = (await h.download(exported)).trim().split('\r\n');
    expect(lines[0]).toBe('time,team,admin,job,action,member id,member email,options,outcome,reason,request id,error tag');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(plan.jobId);

    const refresh = (await h.core.secrets.get(refreshTokenKey('sandbox')))!;
    expect(refresh).toBeTruthy();
    const auditFile = readFileSync(join(h.core.dataDir, 'audit', 'sandbox.jsonl'), 'utf8');
    for (const text of [auditFile, JSON.stringify(all), lines.join('\n')]) {
      expect(text).not.toContain(refresh);
      expect(text).not.toMatch(/sl\.tk-|tkr-|Bearer/);
    }
  });
});
