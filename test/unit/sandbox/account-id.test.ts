import { describe, expect, it } from 'vitest';
import { accountIdFor, upgradeAccountId } from '../../../main/sandbox/model/account-id.js';
import { seedState } from '../../../main/sandbox/model/seed.js';

describe('sandbox account ids', () => {
  it('are "dbid:" and 35 characters, keep the readable tag in front and are the same for the same tag', () => {
    const id = accountIdFor('tk10000058a3f09c1');
    expect(id).toMatch(/^dbid:tk10000058a3f09c1[A-Za-z0-9_-]{18}$/);
    expect(id).toHaveLength(40);
    expect(accountIdFor('tk10000058a3f09c1')).toBe(id);
  });

  it('differ for every member of a large seeded team', () => {
    const members = seedState({ members: 5000, seed: 9 }).members;
    expect(members.every((m) => m.accountId.length === 40)).toBe(true);
    expect(new Set(members.map((m) => m.accountId)).size).toBe(5000);
  });

  it('upgrade a short id saved by an older sandbox, and leave a spec-length one alone', () => {
    expect(upgradeAccountId('dbid:tk70000000fb86738')).toBe(accountIdFor('tk70000000fb86738'));
    const good = accountIdFor('x');
    expect(upgradeAccountId(good)).toBe(good);
  });
});
