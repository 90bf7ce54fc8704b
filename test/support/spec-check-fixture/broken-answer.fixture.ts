import { expect, it } from 'vitest';
import { byId, withSandbox } from '../sandbox-client.js';

/**
 * Run only by test/integration/sandbox/spec-check.test.ts, in its own vitest:
 * a test whose own assertions all pass, but during which the sandbox sent an
 * account id the spec refuses. The suite's setup file must fail it.
 */
it('receives a member whose account id is too short', async () => {
  const sb = await withSandbox({ members: 5 });
  try {
    const m = sb.sandbox.store.state.members[0];
    m.accountId = 'dbid:bad';
    const res = await sb.dbx.teamMembersGetInfoV2({ members: [byId(m)] });
    expect(res.status).toBe(200);
  } finally {
    await sb.close();
  }
});
