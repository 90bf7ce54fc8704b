import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';
import { control } from './control-api.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

describe('sandbox write rate limit', () => {
  let sb: Sb;
  let memberId: string;
  const rename = (given: string) => sb.dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: memberId }, new_given_name: given });

  beforeAll(async () => {
    sb = await withSandbox({ members: 10, seed: 4 });
    memberId = sb.sandbox.store.state.members.find((m) => m.status === 'active' && m.roleIds.length === 0)!.teamMemberId;
  });
  afterAll(() => sb.close());

  it('answers too_many_write_operations with Retry-After; waiting that long works', async () => {
    expect((await control(sb, 'POST', 'config', { writeRate: 2 })).body.writeRate).toBe(2);
    expect((await rename('A')).status).toBe(200);
    expect((await rename('B')).status).toBe(200);
    const e = await sdkError(rename('C'));
    expect(e.status).toBe(429);
    const wait = Number(e.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(e.error).toEqual({ error_summary: 'too_many_write_operations/..', error: { reason: { '.tag': 'too_many_write_operations' }, retry_after: wait } });
    // Reads are not limited.
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
    // The refused write changed nothing.
    expect(sb.sandbox.store.memberById(memberId)!.givenName).toBe('B');

    await sleep(wait * 1000);
    expect((await rename('D')).status).toBe(200);
    expect(sb.sandbox.store.memberById(memberId)!.givenName).toBe('D');
  });

  it('lifts the limit when writeRate goes back to 0', async () => {
    await control(sb, 'POST', 'config', { writeRate: 0 });
    for (let i = 0; i < 10; i++) expect((await rename(`N${i}`)).status).toBe(200);
  });
});
