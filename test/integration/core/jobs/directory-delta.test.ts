import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Directory } from '../../../../main/core/directory/directory.js';
import { EventHub } from '../../../../main/core/events.js';
import type { AppEvent } from '../../../../preload/contract.js';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import { members, runJob, startJobs } from '../../../support/jobs-fixture.js';
import { teamClient } from '../../../support/team-client.js';

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ members: 40, seed: 41 });
});
afterAll(() => sb.close());

describe('the directory follows each change in place', () => {
  it('re-reads only the changed members, upserts and removes them, and the job reports the delta', async () => {
    const client = teamClient(sb);
    const hub = new EventHub();
    const sent: AppEvent[] = [];
    hub.onEvent((e) => sent.push(e));
    const directory = new Directory('conn-1', client, hub);
    const before = await directory.get(false);
    const [edited, removed] = members(sb, 'active');
    const { jobs, events } = startJobs(sb, { client, directory });
    sb.sandbox.log.clear();

    await runJob(jobs, 'member.edit-profile', [{ member: edited.email, surname: 'Delta' }]);
    await runJob(jobs, 'member.remove', [{ member: removed.email, wipeData: false }]);
    await runJob(jobs, 'member.invite', [{ email: 'delta.invite@example.com', sendWelcomeEmail: false }]);

    const after = directory.current()!;
    expect(after.members.find((m) => m.id === edited.teamMemberId)?.surname).toBe('Delta');
    expect(after.members.some((m) => m.id === removed.teamMemberId)).toBe(false);
    expect(directory.member(removed.teamMemberId)).toBeUndefined();
    // Changed members keep their place in the list.
    expect(after.members.findIndex((m) => m.id === edited.teamMemberId)).toBe(before.members.findIndex((m) => m.id === edited.teamMemberId));
    const deltas = events.filter((e) => e.type === 'job.members-changed');
    const invited = sb.sandbox.store.memberByEmail('delta.invite@example.com')!;
    expect(after.members.at(-1)).toMatchObject({ id: invited.teamMemberId, status: 'invited' });
    expect(deltas).toEqual([
      expect.objectContaining({ upserted: [edited.teamMemberId], removed: [] }),
      expect.objectContaining({ upserted: [], removed: [removed.teamMemberId] }),
      expect.objectContaining({ upserted: [invited.teamMemberId], removed: [] }),
    ]);
    // The renderer gets each change as a delta chained from the version it holds.
    const directoryDeltas = sent.filter((e) => e.type === 'directory.delta');
    expect(directoryDeltas.map((d) => [d.upserted.map((m) => m.id), d.removed])).toEqual([
      [[edited.teamMemberId], []],
      [[], [removed.teamMemberId]],
      [[invited.teamMemberId], []],
    ]);
    expect(directoryDeltas[0].from).toBe(before.version);
    for (let i = 1; i < directoryDeltas.length; i++) expect(directoryDeltas[i].from).toBe(directoryDeltas[i - 1].to);
    expect(directoryDeltas.at(-1)!.to).toBe(after.version);
    // No full resync: no member listing after the first sync.
    expect(sb.sandbox.log.list().filter((r) => r.route.startsWith('team/members/list'))).toEqual([]);
  });
});
