import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DropboxClient } from '../../../main/core/dropbox/client.js';
import { listAllMembers } from '../../../main/core/directory/sync.js';
import { startCli, type CliSandbox } from '../sandbox/cli-process.js';

/**
 * The member listing asks for the next page before it handles this one, so
 * the handling overlaps Dropbox preparing the next page. Checked against a
 * sandbox in a process of its own, as Dropbox is: an in-process sandbox could
 * not answer while the handler holds the event loop.
 */
let cli: CliSandbox;
let client: DropboxClient;

beforeAll(async () => {
  cli = await startCli(['--port', '0', '--members', '2600', '--seed', '5']);
  client = new DropboxClient({ clientId: cli.env.SANDBOX_CLIENT_ID, baseUrl: cli.env.SANDBOX_URL });
  client.auth.setTokens({ accessToken: cli.env.SANDBOX_ACCESS_TOKEN });
}, 60_000);
afterAll(() => cli?.stop());

describe('member listing read-ahead', () => {
  it('the next page is answered while this page is being handled', async () => {
    const handled: Array<{ start: number; end: number }> = [];
    // Connections open, as the sync's roles and groups calls beside the listing leave them: a
    // request that must first connect waits for the event loop like any other I/O.
    await Promise.all([0, 1].map(() => client.call('team/get_info', 'read', (dbx, o) => dbx.teamGetInfo(o))));
    const listing = await listAllMembers(client, false, () => {
      const start = Date.now();
      // A slow handler (a big diff, a busy machine): long enough that a request sent after it is unmistakable.
      while (Date.now() < start + 800);
      handled.push({ start, end: Date.now() });
    });
    const log = (await (await fetch(`${cli.env.SANDBOX_URL}/__sandbox/requests`)).json()) as { requests: Array<{ time: string; route: string; status: number }> };
    const answered = log.requests.filter((r) => r.route === 'team/members/list/continue_v2' && r.status === 200).map((r) => Date.parse(r.time));

    expect(listing.members.length).toBeGreaterThan(2000);
    expect(handled).toHaveLength(answered.length + 1);
    // Page k+1 was asked for, served and answered before the handler of page k finished.
    answered.forEach((t, k) => expect(t).toBeLessThan(handled[k].end));
  });
});
