/**
 * A burst of write calls through the RequestScheduler against a sandbox whose
 * team write limit is R/s (issue 4, Performance: within 1.15× of N/R seconds,
 * no failures caused by 429). Prints; asserts nothing.
 *
 *   npx tsx test/bench/write-burst.bench.ts            (R=20/s, N=1000: about 50 s)
 *   BENCH_WRITE_RATE=50 BENCH_WRITES=1000 npx tsx test/bench/write-burst.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../main/sandbox/index.js';
import { RequestScheduler } from '../../main/core/dropbox/scheduler/scheduler.js';
import { sdkFor } from '../support/sandbox-client.js';

const rate = Number(process.env.BENCH_WRITE_RATE ?? 20);
const writes = Number(process.env.BENCH_WRITES ?? 1000);
const ROUTE = 'team/members/set_profile_v2';

const sb = await startSandbox({ members: 300, seed: 7 });
const dbx = sdkFor(sb);
const targets = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0).map((m) => m.teamMemberId);

async function burst(label: string): Promise<{ seconds: number; failures: number; refused: number; applied: number; pacedRate: number | null }> {
  sb.sandbox.log.clear();
  const scheduler = new RequestScheduler();
  let refused = 0;
  scheduler.onRateLimited(() => refused++);
  const started = performance.now();
  const outcomes = await Promise.allSettled(
    Array.from({ length: writes }, (_, i) =>
      scheduler.run(
        ROUTE,
        'write',
        (signal) => dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: targets[i % targets.length] }, new_given_name: `${label}${i}` }, { signal }),
        { idempotent: true },
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const applied = sb.sandbox.log.list().filter((r) => r.route === ROUTE && r.status === 200).length;
  return { seconds, failures: outcomes.filter((o) => o.status === 'rejected').length, refused, applied, pacedRate: scheduler.snapshot().writes.pacedRate };
}

try {
  // Same calls with no limit: what the client and loopback HTTP cost by themselves.
  sb.sandbox.writeLimiter.setRate(0);
  const free = await burst('Free');
  sb.sandbox.writeLimiter.setRate(rate);
  const limited = await burst('Burst');
  const ideal = writes / rate;
  const row = (name: string, value: string) => console.log(`${name.padEnd(28)}${value}`);
  console.log(`write burst: ${writes} × ${ROUTE}, team write limit ${rate}/s`);
  row('unlimited (overhead)', `${free.seconds.toFixed(2)} s, ${free.failures} failures`);
  row('elapsed under the limit', `${limited.seconds.toFixed(2)} s`);
  row('ideal N/R', `${ideal.toFixed(2)} s`);
  row('ratio (target ≤ 1.15)', `${(limited.seconds / ideal).toFixed(3)}×`);
  row('429s seen', String(limited.refused));
  row('failures (target 0)', String(limited.failures));
  row('writes applied', `${limited.applied} of ${writes}`);
  row('learned rate', limited.pacedRate === null ? 'unpaced' : `${limited.pacedRate.toFixed(2)}/s`);
} finally {
  await sb.close();
}
