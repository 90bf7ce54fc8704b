import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { team } from 'dropbox';
import { withSandbox } from '../../../../support/sandbox-client.js';
import { control } from '../../../sandbox/control-api.js';
import { RequestScheduler } from '../../../../../main/core/dropbox/scheduler/scheduler.js';
import { CancelledError, UnconfirmedWriteError } from '../../../../../main/core/dropbox/scheduler/errors.js';
import type { Member } from '../../../../../main/sandbox/model/types.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

const SET_PROFILE = 'team/members/set_profile_v2';
const GET_INFO = 'team/get_info';

describe('RequestScheduler over the real SDK against the sandbox', () => {
  let sb: Sb;
  let plain: Member[];
  // Short backoff so the storm takes seconds (Retry-After is honoured as sent), and more
  // attempts than a route has injected 5xx/drops, so no call can run out by bad luck.
  const scheduler = () => new RequestScheduler({ backoffBaseMs: 20, backoffCapMs: 200, maxAttempts: 12 });

  beforeAll(async () => {
    sb = await withSandbox({ members: 40, seed: 11 });
    plain = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
  });
  beforeEach(async () => {
    await control(sb, 'DELETE', 'faults');
    await control(sb, 'DELETE', 'requests');
    await control(sb, 'POST', 'config', { writeRate: 0, latencyMs: 0 });
  });
  afterAll(() => sb.close());

  const rename = (s: RequestScheduler, m: Member, given: string) =>
    s.run(SET_PROFILE, 'write', (signal) => sb.dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: m.teamMemberId }, new_given_name: given }, { signal }), {
      idempotent: true,
    });
  const requests = async (route: string): Promise<Array<{ status: number; errorTag?: string }>> =>
    (await control(sb, 'GET', 'requests')).body.requests.filter((r: { route: string }) => r.route === route);

  it('a storm of 429s, 5xx and dropped connections: every call completes and every write is applied once', async () => {
    for (const route of [SET_PROFILE, GET_INFO]) {
      await control(sb, 'POST', 'faults', { route, fault: 429, count: 3, retryAfter: 1 });
      await control(sb, 'POST', 'faults', { route, fault: 500, count: 3 });
      await control(sb, 'POST', 'faults', { route, fault: 'drop', count: 3 });
      await control(sb, 'POST', 'faults', { route, fault: 503, count: 2 });
    }
    const s = scheduler();
    const targets = plain.slice(0, 20);
    const results = await Promise.all([
      ...targets.map((m, i) => rename(s, m, `Storm${i}`)),
      ...Array.from({ length: 10 }, () => s.run(GET_INFO, 'read', (signal) => sb.dbx.teamGetInfo({ signal }))),
    ]);
    expect(results).toHaveLength(30);
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.givenName).toBe(`Storm${i}`));
    expect((await control(sb, 'GET', 'faults')).body.faults).toEqual([]);

    const writes = await requests(SET_PROFILE);
    // Each write reached the handler exactly once; every other attempt was a fault.
    expect(writes.filter((r) => r.status === 200)).toHaveLength(20);
    expect(writes.filter((r) => r.status !== 200)).toHaveLength(11);
    expect((await requests(GET_INFO)).filter((r) => r.status === 200)).toHaveLength(10);
  });

  it('under the team write limit, writes wait their turn and none is lost or repeated', async () => {
    await control(sb, 'POST', 'config', { writeRate: 5 });
    const s = scheduler();
    const limited: string[] = [];
    s.onRateLimited((e) => limited.push(e.scope));
    const targets = plain.slice(0, 15);
    await Promise.all(targets.map((m, i) => rename(s, m, `Limited${i}`)));
    targets.forEach((m, i) => expect(sb.sandbox.store.memberById(m.teamMemberId)!.givenName).toBe(`Limited${i}`));
    const writes = await requests(SET_PROFILE);
    expect(writes.filter((r) => r.status === 200)).toHaveLength(15);
    expect(writes.filter((r) => r.status === 429).every((r) => r.errorTag === 'too_many_write_operations')).toBe(true);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited.every((scope) => scope === 'team-writes')).toBe(true);
  });

  it('a route error comes back at once, untouched and unrepeated', async () => {
    const s = scheduler();
    const err = await s.run(SET_PROFILE, 'write', (signal) => sb.dbx.teamMembersSetProfileV2({ user: { '.tag': 'email', email: 'nobody@nowhere.example' }, new_given_name: 'X' }, { signal }), { idempotent: true }).then(
      () => undefined,
      (e: any) => e,
    );
    expect(err.status).toBe(409);
    expect(err.error.error['.tag']).toBe('user_not_found');
    expect(await requests(SET_PROFILE)).toHaveLength(1);
  });

  it('a non-idempotent write whose connection dropped is reported as unconfirmed, not sent again', async () => {
    await control(sb, 'POST', 'faults', { route: 'team/members/add_v2', fault: 'drop', count: 1 });
    const s = scheduler();
    const arg: team.MembersAddV2Arg = { new_members: [{ member_email: 'once.only@example-sandbox.com', send_welcome_email: false }] };
    const err = await s.run('team/members/add_v2', 'write', (signal) => sb.dbx.teamMembersAddV2(arg, { signal })).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(UnconfirmedWriteError);
    expect(await requests('team/members/add_v2')).toEqual([expect.objectContaining({ errorTag: 'dropped_connection' })]);
  });

  it('cancelling an in-flight call aborts the SDK request', async () => {
    await control(sb, 'POST', 'config', { latencyMs: 2_000 });
    const s = scheduler();
    const ctl = new AbortController();
    let sdkOutcome: unknown;
    const started = Date.now();
    const p = s.run(
      GET_INFO,
      'read',
      (signal) =>
        sb.dbx.teamGetInfo({ signal }).catch((e: unknown) => {
          sdkOutcome = e;
          throw e;
        }),
      { signal: ctl.signal },
    );
    setTimeout(() => ctl.abort(), 100);
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CancelledError);
    expect((err as CancelledError).inFlight).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    await new Promise((r) => setTimeout(r, 50));
    expect((sdkOutcome as Error).name).toBe('AbortError');
  });
});
