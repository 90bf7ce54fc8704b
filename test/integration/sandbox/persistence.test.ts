import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sdkFor } from '../../support/sandbox-client.js';
import { startSandbox } from '../../../main/sandbox/index.js';
import { control } from './control-api.js';
import { readSnapshot } from '../../../main/sandbox/model/snapshot.js';
import { runCli, startCli } from './cli-process.js';

describe('sandbox persistence with --state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sandbox-state-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps changes across a CLI restart', async () => {
    const file = join(dir, 'team.json');
    const first = await startCli(['--members', '30', '--seed', '8', '--state', file]);
    const sb1 = { url: first.env.SANDBOX_URL, accessToken: first.env.SANDBOX_ACCESS_TOKEN };
    const invited = (await control(sb1, 'GET', 'state')).body.members.find((m: any) => m.status === 'invited');
    expect((await control(sb1, 'POST', 'invites/accept', { team_member_id: invited.teamMemberId })).status).toBe(200);
    const renamed = await sdkFor(sb1).teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: invited.teamMemberId }, new_surname: 'Persisted' });
    expect(renamed.status).toBe(200);
    await control(sb1, 'POST', 'clock', { advanceDays: 2 });
    expect(await first.stop()).toBe(0);

    // Different flags: the saved team wins.
    const second = await startCli(['--members', '5', '--seed', '99', '--state', file]);
    try {
      const sb2 = { url: second.env.SANDBOX_URL, accessToken: second.env.SANDBOX_ACCESS_TOKEN };
      const state = (await control(sb2, 'GET', 'state')).body;
      expect(state.members).toHaveLength(30);
      expect(state.clockOffsetMs).toBe(2 * 86_400_000);
      const again = state.members.find((m: any) => m.teamMemberId === invited.teamMemberId);
      expect(again).toMatchObject({ status: 'active', emailVerified: true, surname: 'Persisted' });
      // Tokens are not persisted: the new process printed a new one, and it works.
      expect(second.env.SANDBOX_ACCESS_TOKEN).not.toBe(first.env.SANDBOX_ACCESS_TOKEN);
      expect((await sdkFor(sb2).teamGetInfo()).result.team_id).toBe('dbtid:tk-sandbox-8');
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('saves a change soon after it happens, without waiting for shutdown', async () => {
    const file = join(dir, 'live.json');
    const sb = await startSandbox({ members: 12, statePath: file });
    try {
      const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
      await control(sb, 'POST', 'invites/accept', { email: invited.email });
      await expect.poll(() => readSnapshot(file)!.state.members.find((m) => m.email === invited.email)!.status, { timeout: 2000 }).toBe('active');
    } finally {
      await sb.close();
    }
  });

  it('after a restart an email passed on by a former member still finds the member who took it', async () => {
    const file = join(dir, 'reused-email.json');
    const first = await startSandbox({ members: 12, statePath: file });
    // The former member comes later in the saved array, so a plain reindex would let it win the address back.
    const [taker, former] = first.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
    const email = former.email;
    try {
      const dbx = sdkFor(first);
      // A Basic account kept on removal releases the address at once.
      await dbx.teamMembersRemove({ user: { '.tag': 'team_member_id', team_member_id: former.teamMemberId }, wipe_data: false, keep_account: true });
      await dbx.teamMembersSetProfileV2({ user: { '.tag': 'team_member_id', team_member_id: taker.teamMemberId }, new_email: email });
    } finally {
      await first.close();
    }
    const second = await startSandbox({ statePath: file });
    try {
      const info = await sdkFor(second).teamMembersGetInfoV2({ members: [{ '.tag': 'email', email }] });
      expect(info.result.members_info[0]).toMatchObject({ '.tag': 'member_info', profile: { team_member_id: taker.teamMemberId, status: { '.tag': 'active' } } });
    } finally {
      await second.close();
    }
  });

  it('refuses a corrupt state file with a message instead of starting a blank team', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"version": 1, "members": [');
    const r = await runCli(['--state', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot start/);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "members": [');
  });
});
