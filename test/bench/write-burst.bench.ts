/**
 * A burst of write calls through the app's API client (DropboxClient: the
 * RequestScheduler, token handling, error mapping) against a sandbox whose
 * team write limit is R/s (issue 4, Performance: within 1.15× of N/R
 * seconds, no failures caused by 429). Prints; asserts nothing.
 *
 *   npm run bench -- write-burst                                   (R=20/s, N=1000: about 50 s)
 *   BENCH_WRITE_RATE=50 BENCH_WRITES=1000 npm run bench -- write-burst
 */
import { performance } from 'node:perf_hooks';
import { startSandbox } from '../../main/sandbox/index.js';
import { DropboxClient } from '../../main/core/dropbox/client.js';

const ROUTE = 'team/members/set_profile_v2';

export default async function writeBurst(): Promise<void> {
  const rate = Number(process.env.BENCH_WRITE_RATE ?? 20);
  const writes = Number(process.env.BENCH_WRITES ?? 1000);
  const sb = await startSandbox({ members: 300, seed: 7 });
  const targets = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0).map((m) => m.teamMemberId);

  async function burst(label: string): Promise<{ seconds: number; failures: number; refused: number; applied: number; pacedRate: number | null }> {
    sb.sandbox.log.clear();
    // A fresh client per burst: nothing learned in one run carries into the next.
    const client = new DropboxClient({ clientId: sb.clientId, baseUrl: sb.url });
    client.auth.setTokens({ accessToken: sb.accessToken });
    let refused = 0;
    client.scheduler.onRateLimited(() => refused++);
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      Array.from({ length: writes }, (_, i) =>
        client.call(
          ROUTE,
          'write',
          (dbx, o) => dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: targets[i % targets.length] }, new_given_name: `${label}${i}` }, o),
          { idempotent: true },
        ),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const applied = sb.sandbox.log.list().filter((r) => r.route === ROUTE && r.status === 200).length;
    return { seconds, failures: outcomes.filter((o) => o.status === 'rejected').length, refused, applied, pacedRate: client.scheduler.snapshot().writes.pacedRate };
  }

  try {
    // Same calls with no limit: what the client and loopback HTTP cost by themselves.
    sb.sandbox.writeLimiter.setRate(0);
    const free = await burst('Free');
    sb.sandbox.writeLimiter.setRate(rate);
    const limited = await burst('Burst');
    const ideal = writes / rate;
    const row = (name: string, value: string) => console.log(`${name.padEnd(28)}${value}`);
    console.log(`write burst through DropboxClient: ${writes} × ${ROUTE}, team write limit ${rate}/s`);
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
}
