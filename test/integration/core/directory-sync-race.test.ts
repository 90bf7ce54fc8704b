import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Directory } from '../../../main/core/directory/directory.js';
import { EventHub } from '../../../main/core/events.js';
import type { AppEvent } from '../../../preload/contract.js';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { members, runJob, startJobs } from '../../support/jobs-fixture.js';
import { teamClient } from '../../support/team-client.js';
import { startHoldingProxy, type HoldingProxy } from './holding-proxy.js';

let sb: RunningSandbox;
let proxy: HoldingProxy;

beforeAll(async () => {
  sb = await startSandbox({ members: 40, seed: 43 });
  proxy = await startHoldingProxy(sb.url);
});
afterAll(async () => {
  await proxy.close();
  await sb.close();
});

describe('a full sync that read the team before a job changed it', () => {
  it('does not bring back what the job changed, removed or added, and its delta says nothing stale', async () => {
    const client = teamClient({ ...sb, url: proxy.url });
    const hub = new EventHub();
    const sent: AppEvent[] = [];
    hub.onEvent((e) => sent.push(e));
    const directory = new Directory('conn-race', client, hub);
    await directory.get(false);
    const [edited, removed] = members(sb, 'active');
    const { jobs } = startJobs(sb, { client, directory });

    // The sync's listing is read now, before the jobs; its answer arrives after them.
    const listed = proxy.hold('team/members/list_v2');
    const refresh = directory.refresh(false);
    await listed;
    await runJob(jobs, 'member.edit-profile', [{ member: edited.email, surname: 'Fresher' }]);
    await runJob(jobs, 'member.remove', [{ member: removed.email, wipeData: false }]);
    await runJob(jobs, 'member.invite', [{ email: 'race.invite@example.com', sendWelcomeEmail: false }]);
    const invited = sb.sandbox.store.memberByEmail('race.invite@example.com')!;
    const beforeSyncEnds = directory.current()!;
    expect(beforeSyncEnds.members.find((m) => m.id === edited.teamMemberId)?.surname).toBe('Fresher');
    const deltasBefore = sent.filter((e) => e.type === 'directory.delta').length;
    proxy.release();
    const synced = await refresh;

    for (const snapshot of [synced, directory.current()!]) {
      expect(snapshot.members.find((m) => m.id === edited.teamMemberId)?.surname).toBe('Fresher');
      expect(snapshot.members.some((m) => m.id === removed.teamMemberId)).toBe(false);
      expect(snapshot.members.some((m) => m.id === invited.teamMemberId)).toBe(true);
    }
    expect(directory.member(edited.teamMemberId)?.surname).toBe('Fresher');
    expect(directory.member(removed.teamMemberId)).toBeUndefined();
    // The sync's own delta changes none of them back (the listing held nothing newer).
    const syncDeltas = sent.filter((e): e is Extract<AppEvent, { type: 'directory.delta' }> => e.type === 'directory.delta').slice(deltasBefore);
    for (const d of syncDeltas) {
      expect(d.from).toBe(beforeSyncEnds.version);
      expect(d.upserted.map((m) => m.id)).not.toContain(edited.teamMemberId);
      expect(d.upserted.map((m) => m.id)).not.toContain(removed.teamMemberId);
      expect(d.removed).not.toContain(invited.teamMemberId);
    }

    // The next sync, with nothing held, agrees.
    const again = await directory.refresh(false);
    expect(again.members.find((m) => m.id === edited.teamMemberId)?.surname).toBe('Fresher');
    expect(again.members.some((m) => m.id === removed.teamMemberId)).toBe(false);
    await jobs.close();
  });
});
