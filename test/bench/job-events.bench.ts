/**
 * Events a big job sends into the app's event stream (issue 10, review
 * finding 2): a 5,000-item profile-update job run through a Team, as the app
 * wires it (job engine, directory, EventHub), every event counted by type.
 * The baseline printed beside it is one event per item, what a stream that
 * announced every item would carry at the least. Prints; asserts nothing.
 *
 *   npm run bench -- job-events
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DropboxClient } from '../../main/core/dropbox/client.js';
import { EventHub } from '../../main/core/events.js';
import { Team } from '../../main/core/team/team.js';
import { startSandbox } from '../../main/sandbox/index.js';

const ITEMS = 5000;

const row = (name: string, value: string) => console.log(`${name.padEnd(44)}${value}`);

export default async function jobEvents(): Promise<void> {
  const sb = await startSandbox({ members: ITEMS + 1500, seed: 5 });
  try {
    const client = new DropboxClient({ clientId: sb.clientId, baseUrl: sb.url });
    client.auth.setTokens({ accessToken: sb.accessToken });
    const hub = new EventHub();
    const counts = new Map<string, number>();
    let bytes = 0;
    hub.onEvent((e, seq) => {
      counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
      // What the browser host writes per event on the SSE stream.
      bytes += Buffer.byteLength(`data: ${JSON.stringify({ ...e, seq })}\n\n`);
    });
    const team = new Team({ connectionId: 'bench', client, events: hub, dataDir: mkdtempSync(join(tmpdir(), 'tk-bench-events-')) });
    await team.directory.get(false);
    counts.clear();
    bytes = 0;
    const ids = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0).slice(0, ITEMS).map((m) => m.teamMemberId);
    if (ids.length !== ITEMS) throw new Error(`the sandbox team has ${ids.length} members to edit, not ${ITEMS}`);
    const plan = await team.jobs.plan({ kind: 'member.edit-profile', items: ids.map((id, i) => ({ member: id, surname: `Evented${i}` })) });
    const started = performance.now();
    await team.jobs.start(plan.jobId, plan.confirmation?.text);
    await team.jobs.whenStopped(plan.jobId);
    const seconds = (performance.now() - started) / 1000;
    const [summary] = team.jobs.list();
    await team.close();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`a ${ITEMS}-item member.edit-profile job, ${seconds.toFixed(1)} s (${summary.progress.done} done, ${summary.progress.failed} failed)`);
    for (const [type, n] of [...counts].sort()) row(`  ${type}`, String(n));
    row('events sent in all', `${total} (${(bytes / 1024).toFixed(0)} KiB on an SSE stream)`);
    row('job events per second of the run', ((total - (counts.get('directory.delta') ?? 0)) / seconds).toFixed(1));
    row('baseline: one event per item', String(ITEMS));
  } finally {
    await sb.close();
  }
}
