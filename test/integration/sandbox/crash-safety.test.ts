import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dropbox } from 'dropbox';
import { sdkFor } from '../../support/sandbox-client.js';
import { control } from './control-api.js';
import { startCli, spawnCli, type CliSandbox } from './cli-process.js';

/**
 * The sandbox CLI with --state as a separate process, killed with SIGKILL at
 * chosen moments while writes arrive through the real SDK: mid-burst, just
 * as a compaction starts, half-way through one, and while loading. Every
 * write the sandbox answered must be there after the restart, and the team
 * must load.
 */
describe('sandbox --state survives SIGKILL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sandbox-crash-'));
  const file = join(dir, 'team.json');
  // A small compaction threshold makes the sandbox compact every few dozen writes.
  const args = ['--state', file, '--compact-kb', '24'];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** What the sandbox acknowledged, per member: the last surname answered with 200. */
  const acknowledged = new Map<string, string>();
  /** Members added to the group with a 200. */
  const joined = new Set<string>();
  /** Members suspended with a 200. */
  const suspended = new Set<string>();
  /** Writes sent but not answered when the process died: either outcome is fine. */
  const inFlight = new Set<string>();

  let members: string[] = [];
  let groupId = '';
  let writeNo = 0;

  const byId = (id: string) => ({ '.tag': 'team_member_id' as const, team_member_id: id });
  const sb = (cli: CliSandbox) => ({ url: cli.env.SANDBOX_URL, accessToken: cli.env.SANDBOX_ACCESS_TOKEN });

  /** Sends writes four at a time until `stop` resolves; records each answer. */
  async function writeUntil(dbx: Dropbox, stop: Promise<unknown>): Promise<void> {
    let stopped = false;
    void stop.then(() => (stopped = true));
    const worker = async (lane: number) => {
      while (!stopped) {
        const n = writeNo++;
        // Each lane owns its members, so one member never has two writes in flight.
        const id = members[(n * 4 + lane) % members.length];
        const key = `${id}#${n}`;
        inFlight.add(key);
        try {
          if (n % 3 === 0 && !joined.has(id)) {
            await dbx.teamGroupsMembersAdd({ group: { '.tag': 'group_id', group_id: groupId }, members: [{ user: byId(id), access_type: { '.tag': 'member' } }], return_members: false });
            joined.add(id);
          } else if (n % 7 === 0 && !suspended.has(id)) {
            await dbx.teamMembersSuspend({ user: byId(id), wipe_data: false });
            suspended.add(id);
          } else {
            const surname = `Kill${n}`;
            await dbx.teamMembersSetProfileV2({ user: byId(id), new_surname: surname });
            acknowledged.set(id, surname);
          }
          inFlight.delete(key);
        } catch (err) {
          // An answer that is an error is a failed test; no answer means the process died under this write.
          if ((err as { status?: number }).status) throw err;
          return;
        }
      }
    };
    await Promise.all([0, 1, 2, 3].map(worker));
  }

  /** Restarts the CLI on the same file and checks every acknowledged write. */
  let lastStartMs = 0;
  async function restartAndCheck(): Promise<CliSandbox> {
    const t0 = Date.now();
    const cli = await startCli(args);
    lastStartMs = Date.now() - t0;
    const state = (await control(sb(cli), 'GET', 'state')).body;
    const byMember = new Map<string, any>(state.members.map((m: any) => [m.teamMemberId, m]));
    const maybe = new Set([...inFlight].map((k) => k.split('#')[0]));
    for (const [id, surname] of acknowledged) if (!maybe.has(id)) expect(byMember.get(id).surname, id).toBe(surname);
    for (const id of joined) expect(byMember.get(id).groupIds, id).toContain(groupId);
    for (const id of suspended) expect(byMember.get(id).status, id).toBe('suspended');
    // What was in doubt is settled now: whatever the sandbox has is the truth from here on.
    for (const key of inFlight) {
      const id = key.split('#')[0];
      const m = byMember.get(id);
      acknowledged.set(id, m.surname);
      if (m.groupIds.includes(groupId)) joined.add(id);
      if (m.status === 'suspended') suspended.add(id);
    }
    inFlight.clear();
    return cli;
  }

  const tempSnapshots = () => readdirSync(dir).filter((n) => n.includes('.tmp-'));
  const kill = (cli: CliSandbox) => cli.stop('SIGKILL');

  async function waitFor(cond: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!cond()) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(2);
    }
  }

  it('keeps every acknowledged write through kills mid-burst, during compaction and during loading', async () => {
    let cli = await startCli(['--members', '8000', '--seed', '3', ...args]);
    const state = (await control(sb(cli), 'GET', 'state')).body;
    const plain = state.members.filter((m: any) => m.status === 'active' && m.roleIds.length === 0);
    members = plain.map((m: any) => m.teamMemberId);
    groupId = state.groups.find((g: any) => g.managementType !== 'system_managed').groupId;
    for (const m of plain) if (m.groupIds.includes(groupId)) joined.add(m.teamMemberId);

    // 1. Killed in the middle of a burst of writes.
    await writeUntil(sdkFor(sb(cli)), sleep(1_500).then(() => kill(cli)));
    expect(acknowledged.size).toBeGreaterThan(0);
    cli = await restartAndCheck();

    // 2. Killed the moment a compaction starts writing its snapshot.
    await writeUntil(sdkFor(sb(cli)), waitFor(() => tempSnapshots().length > 0, 'a compaction to start').then(() => kill(cli)));
    expect(tempSnapshots().length).toBeGreaterThan(0);
    cli = await restartAndCheck();
    // The loader cleared the half-written snapshot the kill left.
    expect(tempSnapshots()).toEqual([]);

    // 3. Killed half-way through writing a compaction's snapshot.
    const full = statSync(file).size;
    const halfWritten = () => tempSnapshots().some((n) => (statSync(join(dir, n), { throwIfNoEntry: false })?.size ?? 0) > full / 2);
    await writeUntil(sdkFor(sb(cli)), waitFor(halfWritten, 'a half-written snapshot').then(() => kill(cli)));
    cli = await restartAndCheck();

    // 4. Killed while loading the saved team and its logs; the next start still loads everything.
    await writeUntil(sdkFor(sb(cli)), sleep(800).then(() => kill(cli)));
    const loading = spawnCli(args);
    // Half the time the last start took: node is up and the team is being read and replayed.
    await sleep(lastStartMs / 2);
    loading.kill('SIGKILL');
    await new Promise((resolve) => loading.once('exit', resolve));
    cli = await restartAndCheck();

    // A clean stop after all that, and a last start from what it left.
    expect(await cli.stop()).toBe(0);
    cli = await restartAndCheck();
    expect(await cli.stop()).toBe(0);
  }, 180_000);
});
