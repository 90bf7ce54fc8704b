import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemorySecretStore } from '../../main/core/auth/secret-store.js';
import { TeamkeeperService } from '../../main/core/service.js';
import { JsonSettingsStore } from '../../main/core/settings/json-settings-store.js';
import { sdkFor } from '../support/sandbox-client.js';
import { bareSdkListing, timed } from './bare-sdk-listing.js';

const MEMBERS = 50_000;
const ROUNDS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Directory sync of a 50,000-member sandbox through the core (OAuth-signed
 * SDK client, paging, row mapping, roles and groups, progress events) against
 * a bare SDK pagination loop over the same sandbox. Target: ratio ≤ 1.15.
 */
export default async function bench(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tk-bench-sync-'));
  const t0 = performance.now();
  const service = await TeamkeeperService.start({
    mode: 'browser',
    version: 'bench',
    dataDir,
    secrets: new MemorySecretStore(),
    settings: new JsonSettingsStore(dataDir),
    exportSink: { deliver: async () => ({ kind: 'cancelled' }) },
    sandbox: { members: MEMBERS, seed: 1 },
  });
  try {
    console.log(`starting the core on a ${fmt(MEMBERS)}-member sandbox (seed, save, OAuth sign-in): ${fmt(performance.now() - t0)} ms`);
    let progressEvents = 0;
    service.onEvent((e) => {
      if (e.type === 'directory.sync' && e.phase === 'progress') progressEvents++;
    });
    const dbx = sdkFor(service.sandboxTeam!);
    const core = () => timed(async () => (await service.refreshDirectory({ includeRemoved: false })).members.length);
    const bare = () => timed(() => bareSdkListing(dbx));
    await bare();
    await core();
    const coreRuns: number[] = [];
    const bareRuns: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const b = await bare();
      const c = await core();
      if (b.count !== c.count) throw new Error(`core synced ${c.count} members, the bare loop listed ${b.count}`);
      bareRuns.push(b.ms);
      coreRuns.push(c.ms);
    }
    const coreMs = median(coreRuns);
    const bareMs = median(bareRuns);
    const count = (await service.getDirectory({ includeRemoved: false })).members.length;
    console.log(`members synced: ${fmt(count)} (removed excluded); progress events per sync: ${progressEvents / (ROUNDS + 1)}`);
    console.log(`bare SDK pagination loop: ${fmt(bareMs)} ms (median of ${ROUNDS}: ${bareRuns.map(fmt).join(', ')})`);
    console.log(`core directory sync:      ${fmt(coreMs)} ms (median of ${ROUNDS}: ${coreRuns.map(fmt).join(', ')})`);
    console.log(`core / bare ratio: ${(coreMs / bareMs).toFixed(3)} (target ≤ 1.15)`);
  } finally {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
