import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberActionKinds } from '../../../../main/core/actions/index.js';
import { editProfile } from '../../../../main/core/actions/edit-profile.js';
import { JobKindRegistry } from '../../../../main/core/jobs/job-kind.js';
import { JobJournal, type StoredPlan } from '../../../../main/core/jobs/journal.js';
import type { PlanItem } from '../../../../preload/contract/jobs.js';

const item = (index: number): PlanItem => ({ index, input: { member: `dbmid:m${index}`, givenName: `G${index}` }, status: 'ready', calls: [], consequences: [], problems: [], irreversible: false });

describe('JobJournal', () => {
  it('replays outcomes, intents without an outcome as in doubt, released intents as pending, async job ids, and the last state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-journal-'));
    const plan: StoredPlan = { version: 1, jobId: 'job-1', kind: 'member.edit-profile', teamId: 'dbtid:x', admin: { teamMemberId: 'dbmid:a', email: 'a@example.com' }, createdAt: '2026-01-01T00:00:00Z', total: 6 };
    const journal = await JobJournal.create(dir, plan, [0, 1, 2, 3, 4, 5].map(item));
    await journal.append({ e: 'state', state: 'running', at: 1 });
    await journal.append({ e: 'intent', i: [0, 1, 2, 3] });
    await journal.append({ e: 'outcome', i: 0, o: { outcome: 'done', requestId: 'r0' }, at: 2 });
    await journal.append({ e: 'async', i: 2, id: 'dbjid:job' });
    await journal.append({ e: 'release', i: [3] });
    await journal.close();
    // A crash mid-append: the torn line never counted.
    appendFileSync(join(dir, 'job-1', 'journal.jsonl'), '{"e":"outcome","i":1,"o":{"outc');
    const { replayed } = JobJournal.open(dir, 'job-1');
    expect(replayed.lastState).toBe('running');
    expect(replayed.items.slice(0, 5)).toEqual([{ outcome: { outcome: 'done', requestId: 'r0' }, inDoubt: false }, { inDoubt: true }, { inDoubt: true, asyncJobId: 'dbjid:job' }, { inDoubt: false }, { inDoubt: false }]);
    expect(replayed.planItems.length).toBe(6);
    expect(replayed.planItems.get(4)).toEqual(item(4));
  });
});

describe('JobKindRegistry', () => {
  it('knows every member action and refuses a kind registered twice', () => {
    expect(memberActionKinds().list()).toEqual([
      'member.invite',
      'member.resend-invite',
      'member.cancel-invite',
      'member.edit-profile',
      'member.change-role',
      'member.suspend',
      'member.unsuspend',
      'member.remove',
      'member.recover',
      'member.move-former-member-files',
      'member.delete-former-member-files',
    ]);
    expect(() => new JobKindRegistry([editProfile, editProfile])).toThrow('Job kind member.edit-profile is registered twice');
  });
});
