import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CSV_COLUMNS, type DirectorySnapshot, type MemberRow } from '../../preload/contract.js';
import { memberCsv } from '../../main/core/reports/export-members.js';

const MEMBERS = 50_000;
const ROUNDS = 3;

/** A team shaped like a real one: roles, groups, dates, some names that need quoting or neutralising. */
function team(): DirectorySnapshot {
  const groups = Array.from({ length: 40 }, (_, i) => ({ id: `g:${i}`, name: `Group ${i}` }));
  const roles = [
    { id: 'pid_dbtmr:1', name: 'Team admin' },
    { id: 'pid_dbtmr:2', name: 'User management admin' },
  ];
  const statuses: MemberRow['status'][] = ['active', 'active', 'active', 'active', 'invited', 'suspended', 'removed'];
  const members: MemberRow[] = Array.from({ length: MEMBERS }, (_, i) => ({
    id: `dbmid:AAD${i.toString(36).padStart(8, '0')}`,
    email: `person.${i}@example.com`,
    name: i % 97 === 0 ? `=cmd|' /C calc'!A${i}` : i % 13 === 0 ? `Doe, "Jo" ${i}` : `Person Number ${i}`,
    givenName: 'Person',
    surname: `Number ${i}`,
    status: statuses[i % statuses.length],
    roleIds: i % 50 === 0 ? ['pid_dbtmr:1'] : [],
    groupIds: [groups[i % 40].id, groups[(i * 7) % 40].id],
    joinedOn: '2024-05-06T07:08:09Z',
    invitedOn: i % 7 === 4 ? '2025-01-02T03:04:05Z' : undefined,
    externalId: i % 3 === 0 ? `EMP${i}` : undefined,
    membershipType: 'full',
    emailVerified: true,
  }));
  return { connectionId: 'bench', version: 'bench.1', syncedAt: new Date().toISOString(), includeRemoved: true, members, groups, roles };
}

// The bench runner is started without --expose-gc; this reaches the same collector so each export starts from a settled heap.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const MB = 1024 * 1024;

/**
 * The member report of 50,000 members with every column, streamed to a file
 * as the Electron save path does. Prints time and memory growth (peak RSS
 * and heap over the export). Targets: < 1 s, < 50 MB.
 */
export default async function bench(): Promise<void> {
  const snapshot = team();
  const dir = mkdtempSync(join(tmpdir(), 'tk-bench-csv-'));
  try {
    const file = join(dir, 'members.csv');
    const run = async () => {
      const delivery = memberCsv(snapshot, snapshot.members, { scope: { kind: 'team' }, columns: [...CSV_COLUMNS] }, new Date());
      collect();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 2);
      const t0 = performance.now();
      const { rows, bytes } = await delivery.write(createWriteStream(file));
      const ms = performance.now() - t0;
      clearInterval(sampler);
      const end = process.memoryUsage();
      peakRss = Math.max(peakRss, end.rss);
      peakHeap = Math.max(peakHeap, end.heapUsed);
      return { ms, rows, bytes, rssGrowth: (peakRss - base.rss) / MB, heapGrowth: (peakHeap - base.heapUsed) / MB };
    };
    const first = await run();
    const runs = [first];
    for (let i = 1; i < ROUNDS; i++) runs.push(await run());
    const sorted = [...runs].sort((a, b) => a.ms - b.ms);
    const mid = sorted[Math.floor(sorted.length / 2)];
    console.log(`exported ${fmt(mid.rows)} members × ${CSV_COLUMNS.length} columns, ${fmt(mid.bytes / MB, 1)} MB on disk (${fmt(statSync(file).size)} bytes)`);
    console.log(`time: ${fmt(mid.ms)} ms median of ${ROUNDS} (${runs.map((r) => fmt(r.ms)).join(', ')}) (target < 1,000 ms)`);
    console.log(`memory growth during the first export: peak RSS +${fmt(first.rssGrowth, 1)} MB, peak heap +${fmt(first.heapGrowth, 1)} MB (target < 50 MB)`);
    console.log(`memory growth, later exports: peak RSS +${fmt(Math.max(...runs.slice(1).map((r) => r.rssGrowth)), 1)} MB, peak heap +${fmt(Math.max(...runs.slice(1).map((r) => r.heapGrowth)), 1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
