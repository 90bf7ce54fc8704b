/**
 * The job engine against the bare client (issue 10, Performance):
 * 1. a 1,000-item profile-update job through the engine (journal, audit and
 *    results included) vs the bare DropboxClient making the same calls, with
 *    no rate limit: target ≤ 1.05×;
 * 2. the same job under a sandbox team write limit of R/s vs 1000/R:
 *    target ≤ 1.05×, 0 failures from 429;
 * 3. resuming a 50,000-item job with half done: ready to run again in < 1 s.
 * Prints; asserts nothing.
 *
 *   npm run bench -- job-engine                    (R=50/s: about 45 s)
 *   BENCH_WRITE_RATE=100 BENCH_LATENCY_MS=20 npm run bench -- job-engine
 *   BENCH_ONLY=resume npm run bench -- job-engine     (or BENCH_ONLY=throughput)
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { memberActionKinds } from '../../main/core/actions/index.js';
import { DropboxClient } from '../../main/core/dropbox/client.js';
import { Jobs } from '../../main/core/jobs/jobs.js';
import { JobJournal, type StoredPlan } from '../../main/core/jobs/journal.js';
import type { PlanItem } from '../../preload/contract/jobs.js';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.js';

const ITEMS = 1000;
const ROUTE = 'team/members/set_profile_v2';

function client(sb: RunningSandbox): DropboxClient {
  const c = new DropboxClient({ clientId: sb.clientId, baseUrl: sb.url });
  c.auth.setTokens({ accessToken: sb.accessToken });
  return c;
}

async function bare(sb: RunningSandbox, ids: string[], label: string): Promise<{ seconds: number; failures: number }> {
  const c = client(sb);
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    ids.map((id, i) => c.call(ROUTE, 'write', (dbx, o) => dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: id }, new_given_name: `${label}${i}` }, o), { idempotent: true })),
  );
  return { seconds: (performance.now() - started) / 1000, failures: outcomes.filter((o) => o.status === 'rejected').length };
}

async function engine(sb: RunningSandbox, ids: string[], label: string): Promise<{ seconds: number; planSeconds: number; failures: number; done: number; skipped: number }> {
  const jobs = new Jobs({ client: client(sb), dataDir: mkdtempSync(join(tmpdir(), 'tk-bench-jobs-')), teamId: sb.sandbox.store.state.team.teamId, kinds: memberActionKinds() });
  const planned = performance.now();
  const plan = await jobs.plan({ kind: 'member.edit-profile', items: ids.map((id, i) => ({ member: id, givenName: `${label}${i}` })) });
  const started = performance.now();
  await jobs.start(plan.jobId, plan.confirmation?.text);
  await jobs.whenStopped(plan.jobId);
  const seconds = (performance.now() - started) / 1000;
  const [summary] = jobs.list();
  await jobs.close();
  return { seconds, planSeconds: (started - planned) / 1000, failures: summary.progress.failed + summary.progress.unconfirmed, done: summary.progress.done, skipped: summary.progress.skipped };
}

const row = (name: string, value: string) => console.log(`${name.padEnd(40)}${value}`);

async function throughput(): Promise<void> {
  const rate = Number(process.env.BENCH_WRITE_RATE ?? 50);
  const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 0);
  const sb = await startSandbox({ members: ITEMS + 400, seed: 4, latencyMs });
  try {
    const ids = sb.sandbox.store.state.members.filter((m) => m.status !== 'removed').slice(0, ITEMS).map((m) => m.teamMemberId);
    if (ids.length !== ITEMS) throw new Error(`the sandbox team has ${ids.length} members to edit, not ${ITEMS}`);
    // Warm-up: the first calls pay for module loading and connection set-up.
    await bare(sb, ids.slice(0, 50), 'Warm');
    // Alternate, twice each, and keep the best: two busy CPUs make single runs noisy.
    const b1 = await bare(sb, ids, 'BareA');
    const e1 = await engine(sb, ids, 'EngA');
    const b2 = await bare(sb, ids, 'BareB');
    const e2 = await engine(sb, ids, 'EngB');
    const b = Math.min(b1.seconds, b2.seconds);
    const e = Math.min(e1.seconds, e2.seconds);
    console.log(`${ITEMS} × ${ROUTE}, no rate limit, sandbox latency ${latencyMs} ms`);
    row('bare client (baseline)', `${b.toFixed(2)} s (runs ${b1.seconds.toFixed(2)}, ${b2.seconds.toFixed(2)})`);
    row('engine: journal + audit + results', `${e.toFixed(2)} s (runs ${e1.seconds.toFixed(2)}, ${e2.seconds.toFixed(2)}); planning before it ${e1.planSeconds.toFixed(2)} s`);
    row('ratio (target ≤ 1.05)', `${(e / b).toFixed(3)}×`);
    row('failures (bare / engine)', `${b1.failures + b2.failures} / ${e1.failures + e2.failures}`);

    sb.sandbox.writeLimiter.setRate(rate);
    const bareLimited = await bare(sb, ids, 'BareLim');
    // A fresh bucket: the engine starts from the same full budget the bare run did.
    sb.sandbox.writeLimiter.setRate(0);
    sb.sandbox.writeLimiter.setRate(rate);
    sb.sandbox.log.clear();
    const limited = await engine(sb, ids, 'Lim');
    const ideal = ITEMS / rate;
    const refused = sb.sandbox.log.list().filter((r) => r.route === ROUTE && r.status === 429).length;
    console.log(`\nthe same job under a team write limit of ${rate}/s`);
    row('engine elapsed', `${limited.seconds.toFixed(2)} s`);
    row('ideal 1000/R (baseline)', `${ideal.toFixed(2)} s`);
    row('bare client under the same limit', `${bareLimited.seconds.toFixed(2)} s (${(bareLimited.seconds / ideal).toFixed(3)}×, ${bareLimited.failures} failures)`);
    row('ratio (target ≤ 1.05)', `${(limited.seconds / ideal).toFixed(3)}×`);
    row('items failed (target 0)', `${limited.failures} (done ${limited.done}, skipped ${limited.skipped}; 429s absorbed ${refused})`);
  } finally {
    await sb.close();
  }
}

async function resume50k(): Promise<void> {
  const total = 50_000;
  const sb = await startSandbox({ members: 20, seed: 2 });
  try {
    const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-resume-'));
    const teamId = sb.sandbox.store.state.team.teamId;
    const items: PlanItem[] = Array.from({ length: total }, (_, i) => ({
      index: i,
      input: { member: `dbmid:bench${i}`, givenName: `Given${i}`, surname: `Surname${i}` },
      member: { id: `dbmid:bench${i}`, email: `person${i}@example.com`, name: `Person ${i}`, status: 'active' },
      status: 'ready',
      calls: ['team/members/set_profile_v2 (given name, surname)'],
      consequences: [`Sets the given name to "Given${i}".`, `Sets the surname to "Surname${i}".`],
      problems: [],
      irreversible: false,
    }));
    const plan: StoredPlan = { version: 1, jobId: 'job-20260101T000000-bench', kind: 'member.edit-profile', teamId, admin: { teamMemberId: 'dbmid:admin', email: 'admin@example.com' }, createdAt: new Date().toISOString(), total };
    const jobsDir = JobJournal.jobsDir(dataDir, teamId);
    await JobJournal.create(jobsDir, plan, items);
    // The journal a crash halfway leaves: batches of intents, outcomes for the first half, the last batch in doubt.
    const lines: string[] = [JSON.stringify({ e: 'state', state: 'running', at: Date.now() })];
    for (let i = 0; i < total / 2 + 8; i += 8) {
      lines.push(JSON.stringify({ e: 'intent', i: [i, i + 1, i + 2, i + 3, i + 4, i + 5, i + 6, i + 7] }));
      if (i < total / 2) for (let k = i; k < i + 8; k++) lines.push(JSON.stringify({ e: 'outcome', i: k, o: { outcome: 'done', requestId: `req${k}` }, at: Date.now() }));
    }
    writeFileSync(join(jobsDir, plan.jobId, 'journal.jsonl'), lines.join('\n') + '\n');

    // Baseline: what parsing every stored item up front would cost by itself.
    const readStarted = performance.now();
    for (const line of readFileSync(join(jobsDir, plan.jobId, 'items.jsonl'), 'utf8').split('\n')) if (line) JSON.parse(line);
    const bareRead = performance.now() - readStarted;

    const started = performance.now();
    const jobs = new Jobs({ client: client(sb), dataDir, teamId, kinds: memberActionKinds() });
    const [listed] = jobs.list();
    const resumed = await jobs.resume(listed.jobId);
    const ready = performance.now() - started;
    await jobs.pause(listed.jobId);
    await jobs.close();
    console.log(`\nresume of a ${total}-item job with half done (a batch of 8 in doubt)`);
    row('listed as', `${listed.state}, ${listed.progress.done} done, ${listed.progress.pending} pending`);
    row('open + list + resume: ready in', `${ready.toFixed(0)} ms (target < 1000 ms); state ${resumed.state}`);
    row('baseline: parsing every item alone', `${bareRead.toFixed(0)} ms`);
  } finally {
    await sb.close();
  }
}

export default async function jobEngine(): Promise<void> {
  const only = process.env.BENCH_ONLY;
  if (only !== 'resume') await throughput();
  if (only !== 'throughput') await resume50k();
}
