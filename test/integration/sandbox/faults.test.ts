import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';
import { control } from './control-api.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

describe('sandbox fault injection', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 10, seed: 2 });
  });
  beforeEach(async () => {
    await control(sb, 'DELETE', 'faults');
  });
  afterAll(() => sb.close());

  it('429: too_many_requests with the chosen Retry-After, then normal again', async () => {
    await control(sb, 'POST', 'faults', { route: 'team/get_info', fault: 429, count: 1, retryAfter: 4 });
    const e = await sdkError(sb.dbx.teamGetInfo());
    expect(e.status).toBe(429);
    expect(e.headers.get('retry-after')).toBe('4');
    expect(e.error).toEqual({ error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_requests' }, retry_after: 4 } });
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
  });

  it.each([500, 503] as const)('%i: plain-text server error for exactly `count` calls', async (fault) => {
    await control(sb, 'POST', 'faults', { route: 'team/members/list_v2', fault, count: 2 });
    for (let i = 0; i < 2; i++) {
      const e = await sdkError(sb.dbx.teamMembersListV2({ limit: 5 }));
      expect(e.status).toBe(fault);
      expect(typeof e.error).toBe('string');
      expect(e.headers.get('x-dropbox-request-id')).toMatch(/^[0-9a-f]{32}$/);
    }
    // Other routes were never affected.
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
    expect((await sb.dbx.teamMembersListV2({ limit: 5 })).result.members).toHaveLength(5);
  });

  it('drop: the connection closes without an answer', async () => {
    await control(sb, 'POST', 'faults', { route: 'team/get_info', fault: 'drop', count: 1 });
    await expect(sb.dbx.teamGetInfo()).rejects.toThrow(/fetch failed|socket|closed/i);
    expect((await sb.dbx.teamGetInfo()).status).toBe(200);
    const log = (await control(sb, 'GET', 'requests')).body.requests;
    expect(log.some((r: any) => r.route === 'team/get_info' && r.errorTag === 'dropped_connection')).toBe(true);
  });

  it('"*" hits whichever route comes next', async () => {
    await control(sb, 'POST', 'faults', { route: '*', fault: 503, count: 1 });
    expect((await sdkError(sb.dbx.teamTokenGetAuthenticatedAdmin())).status).toBe(503);
    expect((await sb.dbx.teamTokenGetAuthenticatedAdmin()).status).toBe(200);
  });
});
