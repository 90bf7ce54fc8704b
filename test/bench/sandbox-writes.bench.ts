/**
 * What a write costs the sandbox on a big persisted team (issue 7, item 5).
 * Each sandbox runs in a process of its own (sandbox-process.ts); writes go
 * through the real `dropbox` SDK over loopback HTTP, as the app's client
 * sends them. In one run it prints:
 *
 * - ms per write on a persisted 50,000-member team next to an in-memory
 *   1,000-member team (budget ≤ 1.5×), for a mix of set_profile_v2,
 *   suspend, unsuspend and groups/members/add + remove;
 * - the event-loop delay p99 in the sandbox's process during a burst of
 *   2,000 writes (budget < 20 ms) on the persisted team, without and with a
 *   compaction of its saved team running, beside the same burst on the
 *   in-memory team (what the machine itself adds), with the garbage
 *   collector's pauses in that process over the same time;
 * - how long the sandbox takes to start on the persisted team (budget < 1 s),
 *   from a clean save and from a save plus its change log (as a kill leaves
 *   it), in wall time and in CPU time (which a busy machine inflates less),
 *   and the time from calling startSandbox to its first members/list_v2
 *   answer through the SDK (what a user waits for); beside the same team
 *   saved in the plain-JSON format used before (format 1) and seeded in
 *   memory, measured in the same run.
 *
 *   npm run bench -- sandbox-writes
 *   BENCH_BIG_MEMBERS=50000 BENCH_WRITES=1000 BENCH_BURST=2000 npm run bench -- sandbox-writes
 */
import { fork, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Dropbox } from 'dropbox';
import type { StartOptions } from '../../main/sandbox/index.js';
import { readSnapshot } from '../../main/sandbox/model/snapshot.js';
import { sdkFor } from '../support/sandbox-client.js';
import type { Command, Targets } from './sandbox-process.js';

const BIG = Number(process.env.BENCH_BIG_MEMBERS ?? 50_000);
const SMALL = 1_000;
/** Sequential writes per team per round (rounded to whole units of five). */
const WRITES = Number(process.env.BENCH_WRITES ?? 1_000);
const ROUNDS = 3;
const BURST = Number(process.env.BENCH_BURST ?? 2_000);
const BURST_CONCURRENCY = 16;

interface Proc {
  url: string;
  accessToken: string;
  /** Start-up of the sandbox inside its process. */
  wallMs: number;
  cpuMs: number;
  /** When the process called startSandbox, on the clock performance.timeOrigin + now() shares across processes. */
  launchedAt: number;
  call(cmd: Command): Promise<Record<string, any>>;
}

async function spawnSandbox(options: StartOptions): Promise<Proc> {
  const child: ChildProcess = fork(join(dirname(fileURLToPath(import.meta.url)), 'sandbox-process.ts'), [JSON.stringify(options)], {
    // BENCH_TRACE_GC=1 prints the sandbox process's garbage collections, the burst's start and end marked.
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_TRACE_GC ? ['--trace-gc'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (msg: Record<string, any>) => void>();
  child.on('message', (msg: { id: number }) => waiting.get(msg.id)?.(msg));
  const ask = (id: number) => new Promise<Record<string, any>>((resolve) => waiting.set(id, resolve));
  const ready = await Promise.race([
    ask(0),
    new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`sandbox process exited (${code})`)))),
  ]);
  let next = 1;
  return {
    url: ready.url,
    accessToken: ready.accessToken,
    wallMs: ready.wallMs,
    cpuMs: ready.cpuMs,
    launchedAt: ready.launchedAt,
    call(cmd) {
      const id = next++;
      const answer = ask(id);
      child.send({ cmd, id });
      return answer;
    },
  };
}

const byId = (id: string) => ({ '.tag': 'team_member_id' as const, team_member_id: id });

/** One unit of the mix: five writes that leave the team as it was, except a name. */
async function unit(dbx: Dropbox, t: Targets, i: number, label: string): Promise<void> {
  const a = t.plain[(3 * i) % t.plain.length];
  const b = t.plain[(3 * i + 1) % t.plain.length];
  const c = t.plain[(3 * i + 2) % t.plain.length];
  const group = { '.tag': 'group_id' as const, group_id: t.group };
  await dbx.teamMembersSetProfileV2({ user: byId(a), new_given_name: `${label}${i}` });
  await dbx.teamMembersSuspend({ user: byId(b), wipe_data: false });
  await dbx.teamMembersUnsuspend({ user: byId(b) });
  await dbx.teamGroupsMembersAdd({ group, members: [{ user: byId(c), access_type: { '.tag': 'member' } }], return_members: false });
  await dbx.teamGroupsMembersRemove({ group, users: [byId(c)], return_members: false });
}

/** ms per write over WRITES sequential writes. */
async function perWrite(p: Proc, t: Targets, label: string): Promise<number> {
  const dbx = sdkFor(p);
  const units = Math.max(1, Math.round(WRITES / 5));
  const t0 = performance.now();
  for (let i = 0; i < units; i++) await unit(dbx, t, i, label);
  return (performance.now() - t0) / (units * 5);
}

interface Burst {
  p99: number;
  max: number;
  seconds: number;
  /** Garbage-collection pauses in the sandbox's process during the burst. */
  gc: { count: number; totalMs: number; maxMs: number };
}

/**
 * BURST writes from BURST_CONCURRENCY lanes at once, each lane running units
 * on members of its own (so concurrent writes never race on one member).
 */
async function burst(p: Proc, t: Targets, compact: boolean): Promise<Burst> {
  const dbx = sdkFor(p);
  const lanes = Array.from({ length: BURST_CONCURRENCY }, (_, lane) => ({ ...t, plain: t.plain.filter((_, i) => i % BURST_CONCURRENCY === lane) }));
  const units = Math.ceil(BURST / 5 / BURST_CONCURRENCY);
  await p.call('monitor-start');
  if (compact) await p.call('compact');
  const t0 = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (let i = 0; i < units; i++) await unit(dbx, lane, i, 'Burst');
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const h = await p.call('monitor-stop');
  return { p99: h.p99, max: h.max, seconds, gc: h.gc };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function savedBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

/** A copy of the team's files (snapshot and logs) in a directory of its own. */
function copyTeam(from: string, to: string): string {
  for (const f of readdirSync(from)) if (f.startsWith('team.json')) copyFileSync(join(from, f), join(to, f));
  return join(to, 'team.json');
}

/** Rewrites a saved team's snapshot as the sandbox saved it before format 2: the state as ASCII JSON with logGen beside it. */
function toFormat1(file: string): void {
  const { state, logGen } = readSnapshot(file)!;
  const json = JSON.stringify({ ...state, logGen }).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, json);
}

interface Startup {
  wallMs: number;
  cpuMs: number;
  /** From the startSandbox call to the first members/list_v2 page received through the SDK. */
  firstAnswerMs: number;
  bytes: number;
}

/** Starts a sandbox in its own process, asks it for the first page of members at once, and stops it. */
async function startup(options: StartOptions): Promise<Startup> {
  const bytes = options.statePath ? savedBytes(dirname(options.statePath)) : 0;
  const p = await spawnSandbox(options);
  try {
    const page = await sdkFor(p).teamMembersListV2({ limit: 1000 });
    const firstAnswerMs = performance.timeOrigin + performance.now() - p.launchedAt;
    if (page.result.members.length !== Math.min(1000, BIG)) throw new Error(`first page held ${page.result.members.length} members`);
    return { wallMs: p.wallMs, cpuMs: p.cpuMs, firstAnswerMs, bytes };
  } finally {
    await p.call('close');
  }
}

export default async function sandboxWrites(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tk-bench-writes-'));
  const file = join(dir, 'team.json');
  const row = (name: string, value: string) => console.log(`${name.padEnd(44)}${value}`);
  const burstRow = (r: Burst) =>
    `p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms; ${r.seconds.toFixed(2)} s (${(BURST / r.seconds).toFixed(0)} writes/s); ` +
    `GC ${r.gc.count}× ${r.gc.totalMs.toFixed(0)} ms, longest ${r.gc.maxMs.toFixed(1)} ms`;
  try {
    const seeding = await spawnSandbox({ members: BIG, seed: 5, statePath: file });
    await seeding.call('close');
    // The team as a clean save leaves it: a snapshot and an empty log.
    const cleanDir = mkdtempSync(join(tmpdir(), 'tk-bench-clean-'));
    copyTeam(dir, cleanDir);

    const big = await spawnSandbox({ statePath: file });
    const small = await spawnSandbox({ members: SMALL, seed: 5 });
    try {
      const bigT = (await big.call('targets')) as Targets;
      const smallT = (await small.call('targets')) as Targets;
      // Warm both (JIT, sockets) before measuring.
      await perWrite(small, smallT, 'Warm');
      await perWrite(big, bigT, 'Warm');
      const smallMs: number[] = [];
      const bigMs: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        smallMs.push(await perWrite(small, smallT, `Round${r}`));
        bigMs.push(await perWrite(big, bigT, `Round${r}`));
      }
      const smallBurst = await burst(small, smallT, false);
      const bigBurst = await burst(big, bigT, false);
      const bigBurstCompacting = await burst(big, bigT, true);

      // The files as a kill would leave them right now: the save plus whatever log it has.
      const crashDir = mkdtempSync(join(tmpdir(), 'tk-bench-crash-'));
      copyTeam(dir, crashDir);
      // The same two saves in the format used before (format 1), for the same-run baseline.
      const clean1Dir = mkdtempSync(join(tmpdir(), 'tk-bench-clean1-'));
      const crash1Dir = mkdtempSync(join(tmpdir(), 'tk-bench-crash1-'));
      toFormat1(copyTeam(cleanDir, clean1Dir));
      toFormat1(copyTeam(crashDir, crash1Dir));
      const starts: Array<[string, Startup]> = [];
      try {
        // Each start-up right after its baseline, so both see the machine alike.
        starts.push(['  clean save, plain JSON (before)', await startup({ statePath: join(clean1Dir, 'team.json') })]);
        starts.push(['  clean save, columnar', await startup({ statePath: join(cleanDir, 'team.json') })]);
        starts.push(['  as a kill left it, plain JSON (before)', await startup({ statePath: join(crash1Dir, 'team.json') })]);
        starts.push(['  as a kill left it (save + log), columnar', await startup({ statePath: join(crashDir, 'team.json') })]);
        starts.push([`  in-memory seed of ${BIG} members (baseline)`, await startup({ members: BIG, seed: 5 })]);
      } finally {
        for (const d of [cleanDir, crashDir, clean1Dir, crash1Dir]) rmSync(d, { recursive: true, force: true });
      }

      const s = median(smallMs);
      const b = median(bigMs);
      console.log('sandbox writes through the SDK: mix of set_profile_v2, suspend, unsuspend, groups/members/add + remove');
      row(`seed + first save, ${BIG} members`, `${seeding.wallMs.toFixed(0)} ms wall, ${seeding.cpuMs.toFixed(0)} ms CPU`);
      row(`in-memory ${SMALL}-member team`, `${s.toFixed(2)} ms/write (rounds ${smallMs.map((x) => x.toFixed(2)).join(', ')})`);
      row(`persisted ${BIG}-member team`, `${b.toFixed(2)} ms/write (rounds ${bigMs.map((x) => x.toFixed(2)).join(', ')})`);
      row('ratio (budget ≤ 1.5×)', `${(b / s).toFixed(2)}×`);
      console.log(`event-loop delay in the sandbox's process during ${BURST} writes, ${BURST_CONCURRENCY} at a time (budget p99 < 20 ms):`);
      row(`  in-memory ${SMALL}-member team (baseline)`, burstRow(smallBurst));
      row(`  persisted ${BIG}-member team`, burstRow(bigBurst));
      row('  same, compacting meanwhile', burstRow(bigBurstCompacting));
      console.log('start-up on the persisted team (budget < 1000 ms): startSandbox() in wall and CPU time; first answer = from calling it to');
      console.log('the first members/list_v2 page (1,000 members) received through the SDK:');
      for (const [name, r] of starts) {
        const disk = r.bytes ? `, ${(r.bytes / 1e6).toFixed(1)} MB on disk` : '';
        row(name, `${r.wallMs.toFixed(0)} ms wall, ${r.cpuMs.toFixed(0)} ms CPU; first answer ${r.firstAnswerMs.toFixed(0)} ms${disk}`);
      }
    } finally {
      await small.call('close');
      await big.call('close');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
