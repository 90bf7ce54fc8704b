import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { control } from '../../sandbox/control-api.js';
import { startJobs } from '../../../support/jobs-fixture.js';

const CHILD = join(import.meta.dirname, 'crash-child.ts');
const ITEMS = 300;
let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 340, seed: 8, latencyMs: 25 });
});
afterAll(() => sb.close());

interface Child {
  child: ChildProcess;
  items: number;
  started: boolean;
  finished?: string;
  waitFor(items: number): Promise<void>;
}

function spawnEngine(dataDir: string, mode: 'start' | 'resume', itemsFile: string): Child {
  const teamId = sb.sandbox.store.state.team.teamId;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, sb.url, sb.clientId, sb.accessToken, dataDir, teamId, mode, itemsFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const c: Child = {
    child,
    items: 0,
    started: false,
    waitFor: (n) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if ((c.started && c.items >= n) || c.finished) resolve();
        };
        child.stdout!.on('data', check);
        child.once('exit', (code, signal) => (c.finished || signal ? resolve() : reject(new Error(`engine exited ${code}: ${err}`))));
        check();
      }),
  };
  let buffer = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (line.startsWith('job ')) c.started = true;
      if (line.startsWith('item ')) c.items++;
      if (line.startsWith('finished ')) c.finished = line;
    }
  });
  return c;
}

describe('crash safety: the engine process SIGKILLed at many points of a 300-item job', () => {
  it('resumes after every kill; no write is applied twice and the end state is the planned one', { timeout: 240_000 }, async () => {
    const targets = sb.sandbox.store.state.members.filter((m) => m.status !== 'removed').slice(0, ITEMS);
    expect(targets).toHaveLength(ITEMS);
    const dataDir = mkdtempSync(join(tmpdir(), 'tk-crash-'));
    const itemsFile = join(dataDir, 'items.json');
    writeFileSync(itemsFile, JSON.stringify(targets.map((m, i) => ({ member: m.teamMemberId, surname: `Crash${i}` }))));
    await control(sb, 'DELETE', 'requests');

    // Kill points: before the first outcome, then after a few, then every ~35 outcomes of each run.
    const killAfter = [0, 3, 35, 1, 60, 20, 45];
    let kills = 0;
    let mode: 'start' | 'resume' = 'start';
    let finished: string | undefined;
    for (let round = 0; round < 30 && !finished; round++) {
      const engine = spawnEngine(dataDir, mode, itemsFile);
      const point = killAfter[round];
      if (point !== undefined) {
        await engine.waitFor(point);
        if (!engine.finished) {
          engine.child.kill('SIGKILL');
          kills++;
        }
      }
      if (engine.child.exitCode === null && engine.child.signalCode === null) await once(engine.child, 'exit');
      finished = engine.finished;
      if (engine.started) mode = 'resume';
    }
    expect(kills).toBeGreaterThanOrEqual(5);
    expect(finished).toBe('finished finished 0');

    const writes = (await control(sb, 'GET', 'requests')).body.requests.filter((r: { route: string }) => r.route === 'team/members/set_profile_v2');
    // Every target changed, and exactly one write per target got through: none applied twice.
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.surname).toBe(`Crash${i}`));
    expect(writes.filter((r: { status: number }) => r.status === 200)).toHaveLength(ITEMS);

    // The journal on disk agrees: reopened, the job is finished with every item done.
    const { jobs } = startJobs(sb, { dataDir });
    const [job] = jobs.list();
    expect(job).toMatchObject({ state: 'finished', progress: { total: ITEMS, done: ITEMS, failed: 0, unconfirmed: 0 } });
    // The audit log has whole lines only and names every member.
    const lines = readFileSync(jobs.auditLog.file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const audited = new Set(lines.map((l) => JSON.parse(l) as { member: { id: string }; outcome: string }).filter((e) => e.outcome === 'done').map((e) => e.member.id));
    expect(audited.size).toBe(ITEMS);
    await jobs.close();
  });
});
