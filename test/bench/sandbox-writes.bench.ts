/**
 * What a write costs the sandbox on a big persisted team (issue 7, item 5).
 * Everything goes through the real `dropbox` SDK over loopback HTTP, as the
 * app's client does. In one run it prints:
 *
 * - ms per write on a persisted 50,000-member team next to an in-memory
 *   1,000-member team (budget ≤ 1.5×), for a mix of set_profile_v2,
 *   suspend, unsuspend and groups/members/add + remove;
 * - the event-loop delay p99 in the sandbox's process during a burst of
 *   2,000 concurrent writes on the persisted team (budget < 20 ms), with a
 *   compaction of the saved team started at the burst's first write;
 * - how long loading the persisted team takes at start (budget < 1 s), from a
 *   clean save and from a save plus its change log (as after a kill).
 *
 *   npm run bench -- sandbox-writes
 *   BENCH_BIG_MEMBERS=50000 BENCH_WRITES=1000 BENCH_BURST=2000 npm run bench -- sandbox-writes
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Dropbox } from 'dropbox';
import { startSandbox, type RunningSandbox } from '../../main/sandbox/index.js';
import type { Member } from '../../main/sandbox/model/types.js';
import { sdkFor } from '../support/sandbox-client.js';

const BIG = Number(process.env.BENCH_BIG_MEMBERS ?? 50_000);
const SMALL = 1_000;
/** Sequential writes per team per round (a multiple of 5: one unit of the mix). */
const WRITES = Number(process.env.BENCH_WRITES ?? 1_000);
const ROUNDS = 3;
const BURST = Number(process.env.BENCH_BURST ?? 2_000);
const BURST_CONCURRENCY = 16;

interface Targets {
  /** Active plain members, never in `group`. */
  plain: Member[];
  group: string;
  /** Seeded as suspended: unsuspend targets for the burst. */
  suspended: Member[];
}

function targetsOf(sb: RunningSandbox): Targets {
  const store = sb.sandbox.store;
  const group = store.state.groups.find((g) => g.managementType !== 'system_managed')!.groupId;
  const plain = store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0 && !store.groupsOf(m.teamMemberId).includes(group));
  const suspended = store.state.members.filter((m) => m.status === 'suspended');
  return { plain, group, suspended };
}

const id = (m: Member) => ({ '.tag': 'team_member_id' as const, team_member_id: m.teamMemberId });

/** One unit of the mix: five writes that leave the team as it was, except a name. */
async function unit(dbx: Dropbox, t: Targets, i: number, label: string): Promise<void> {
  const a = t.plain[(3 * i) % t.plain.length];
  const b = t.plain[(3 * i + 1) % t.plain.length];
  const c = t.plain[(3 * i + 2) % t.plain.length];
  const group = { '.tag': 'group_id' as const, group_id: t.group };
  await dbx.teamMembersSetProfileV2({ user: id(a), new_given_name: `${label}${i}` });
  await dbx.teamMembersSuspend({ user: id(b), wipe_data: false });
  await dbx.teamMembersUnsuspend({ user: id(b) });
  await dbx.teamGroupsMembersAdd({ group, members: [{ user: id(c), access_type: { '.tag': 'member' } }], return_members: false });
  await dbx.teamGroupsMembersRemove({ group, users: [id(c)], return_members: false });
}

/** ms per write over `WRITES` sequential writes. */
async function perWrite(sb: RunningSandbox, t: Targets, label: string): Promise<number> {
  const dbx = sdkFor(sb);
  const units = Math.max(1, Math.round(WRITES / 5));
  const t0 = performance.now();
  for (let i = 0; i < units; i++) await unit(dbx, t, i, label);
  return (performance.now() - t0) / (units * 5);
}

/** BURST writes, BURST_CONCURRENCY at a time; event-loop delay p99/max in ms. */
async function burst(sb: RunningSandbox, t: Targets): Promise<{ p99: number; max: number; seconds: number; compacted: boolean }> {
  const dbx = sdkFor(sb);
  const group = { '.tag': 'group_id' as const, group_id: t.group };
  // Distinct members per call: concurrent writes never race on one member.
  const fresh = t.plain.slice(0, Math.ceil(BURST / 2));
  let nextPlain = 0;
  let nextSuspended = 0;
  const write = (i: number): Promise<unknown> => {
    switch (i % 4) {
      case 0:
        return dbx.teamMembersSetProfileV2({ user: id(t.plain[i % t.plain.length]), new_surname: `Burst${i}` });
      case 1:
        return dbx.teamMembersSuspend({ user: id(fresh[nextPlain++ % fresh.length]), wipe_data: false });
      case 2:
        if (nextSuspended < t.suspended.length) return dbx.teamMembersUnsuspend({ user: id(t.suspended[nextSuspended++]) });
        return dbx.teamMembersSetProfileV2({ user: id(t.plain[i % t.plain.length]), new_given_name: `Burst${i}` });
      default:
        return dbx.teamGroupsMembersAdd({ group, members: [{ user: id(fresh[nextPlain++ % fresh.length]), access_type: { '.tag': 'member' } }], return_members: false });
    }
  };
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const compact = (sb.sandbox as unknown as { compact?: () => unknown }).compact;
  const compacted = typeof compact === 'function';
  if (compacted) void compact.call(sb.sandbox);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: BURST_CONCURRENCY }, async () => {
      while (next < BURST) await write(next++);
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  h.disable();
  return { p99: h.percentile(99) / 1e6, max: h.max / 1e6, seconds, compacted };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function savedBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

export default async function sandboxWrites(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tk-bench-writes-'));
  const file = join(dir, 'team.json');
  const row = (name: string, value: string) => console.log(`${name.padEnd(44)}${value}`);
  try {
    let t0 = performance.now();
    const seeding = await startSandbox({ members: BIG, seed: 5, statePath: file });
    const seedMs = performance.now() - t0;
    await seeding.close();

    t0 = performance.now();
    const big = await startSandbox({ statePath: file });
    const loadMs = performance.now() - t0;
    const small = await startSandbox({ members: SMALL, seed: 5 });
    try {
      const bigT = targetsOf(big);
      const smallT = targetsOf(small);
      // Warm both (JIT, sockets) before measuring.
      await perWrite(small, smallT, 'Warm');
      await perWrite(big, bigT, 'Warm');
      const smallMs: number[] = [];
      const bigMs: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        smallMs.push(await perWrite(small, smallT, `Round${r}`));
        bigMs.push(await perWrite(big, bigT, `Round${r}`));
      }
      const burstResult = await burst(big, bigT);

      // The files as a kill would leave them right now: the save plus whatever log it has.
      const crashDir = mkdtempSync(join(tmpdir(), 'tk-bench-crash-'));
      for (const f of readdirSync(dir)) if (f.startsWith('team.json')) copyFileSync(join(dir, f), join(crashDir, f));
      const crashBytes = savedBytes(crashDir);
      t0 = performance.now();
      const reloaded = await startSandbox({ statePath: join(crashDir, 'team.json') });
      const reloadMs = performance.now() - t0;
      await reloaded.close();
      rmSync(crashDir, { recursive: true, force: true });

      const s = median(smallMs);
      const b = median(bigMs);
      console.log(`sandbox writes through the SDK: mix of set_profile_v2, suspend, unsuspend, groups/members/add + remove`);
      row(`seed + first save, ${BIG} members`, `${seedMs.toFixed(0)} ms`);
      row(`in-memory ${SMALL}-member team`, `${s.toFixed(2)} ms/write (rounds ${smallMs.map((x) => x.toFixed(2)).join(', ')})`);
      row(`persisted ${BIG}-member team`, `${b.toFixed(2)} ms/write (rounds ${bigMs.map((x) => x.toFixed(2)).join(', ')})`);
      row('ratio (budget ≤ 1.5×)', `${(b / s).toFixed(2)}×`);
      row(`burst of ${BURST} writes, ${BURST_CONCURRENCY} at a time`, `${burstResult.seconds.toFixed(2)} s (${(BURST / burstResult.seconds).toFixed(0)} writes/s)${burstResult.compacted ? ', compaction started at its first write' : ''}`);
      row('event-loop delay p99 (budget < 20 ms)', `${burstResult.p99.toFixed(1)} ms (max ${burstResult.max.toFixed(1)} ms)`);
      row(`load at start, clean save`, `${loadMs.toFixed(0)} ms (budget < 1000 ms)`);
      row(`load at start, as a kill left it`, `${reloadMs.toFixed(0)} ms, ${(crashBytes / 1e6).toFixed(1)} MB on disk (budget < 1000 ms)`);
    } finally {
      await small.close();
      await big.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
