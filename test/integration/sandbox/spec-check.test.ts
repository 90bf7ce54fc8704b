import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { byId, routeErrorTag, sdkError, sdkFor, withSandbox } from '../../support/sandbox-client.js';
import { takeSpecViolations } from '../../support/spec-violations.js';
import { RouteError } from '../../../main/sandbox/http/errors.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

describe('every sandbox answer is checked against the spec', () => {
  let sb: Sb;
  beforeAll(async () => {
    sb = await withSandbox({ members: 8, seed: 3 });
  });
  afterAll(() => sb.close());

  it('records a success body that breaks a constraint, with its path and rule', async () => {
    const m = sb.sandbox.store.state.members[1];
    const good = m.accountId;
    m.accountId = 'dbid:tk70000000fb86738';
    try {
      await sb.dbx.teamMembersGetInfoV2({ members: [byId(m)] });
    } finally {
      m.accountId = good;
    }
    // Taken here, so this test's own check (the setup file's afterEach) stays green.
    expect(takeSpecViolations()).toEqual(['team/members/get_info_v2 200 $.members_info[0].profile.account_id: length 22, want 40..40']);
  });

  it('records a route error whose tag the route does not declare', async () => {
    const suspend = sb.sandbox.routes.get('team/members/suspend')!;
    sb.sandbox.routes.set(suspend.path, {
      ...suspend,
      handle() {
        throw new RouteError('member_on_holiday');
      },
    });
    try {
      expect(await routeErrorTag(sb.dbx.teamMembersSuspend({ user: byId(sb.sandbox.store.state.members[4]) }))).toBe('member_on_holiday');
    } finally {
      sb.sandbox.routes.set(suspend.path, suspend);
    }
    const found = takeSpecViolations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^team\/members\/suspend 409 \$\.error\.\.tag: "member_on_holiday", want one of .*user_not_found/);
  });

  it('has nothing to say about answers that follow the spec, errors included', async () => {
    await sb.dbx.teamMembersListV2({ limit: 3 });
    expect(await routeErrorTag(sb.dbx.teamMembersListContinueV2({ cursor: 'forged' }))).toBe('invalid_cursor');
    expect(await routeErrorTag(sb.dbx.teamMembersSuspend({ user: { '.tag': 'email', email: 'nobody@example.com' } }))).toBe('user_not_found');
    expect((await sdkError(sdkFor(sb, 'not-a-token').teamGetInfo())).status).toBe(401);
    sb.sandbox.faults.add({ route: 'team/get_info', fault: 429, count: 1, retryAfter: 2 });
    expect((await sdkError(sb.dbx.teamGetInfo())).status).toBe(429);
    expect(takeSpecViolations()).toEqual([]);
  });

  it('fails the test that received a broken answer (the suite setup, run in its own vitest)', async () => {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/support/spec-check-fixture/vitest.config.ts', '--reporter', 'verbose', '--color=false'],
        { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' }, timeout: 60_000 },
        (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(code).toBe(1);
    expect(output).toContain('receives a member whose account id is too short');
    expect(output).toContain("The sandbox sent 1 answer(s) that break Dropbox's spec during this test");
    expect(output).toContain('team/members/get_info_v2 200 $.members_info[0].profile.account_id: length 8, want 40..40');
  }, 60_000);
});
