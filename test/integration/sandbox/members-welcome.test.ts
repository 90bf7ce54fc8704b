import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox, sdkError } from '../../support/sandbox-client.js';

describe('sandbox: members/send_welcome_email through the real SDK', () => {
  let sb: Awaited<ReturnType<typeof withSandbox>>;
  beforeAll(async () => {
    sb = await withSandbox();
  });
  afterAll(() => sb.close());

  it('resends the invitation to an invited member', async () => {
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'invited')!;
    const before = m.welcomeEmailsSent;
    const res = await sb.dbx.teamMembersSendWelcomeEmail({ '.tag': 'email', email: m.email });
    expect(res.status).toBe(200);
    expect(res.result).toBeNull();
    expect(m.welcomeEmailsSent).toBe(before + 1);
  });

  it('is a no-op for a member who is not pending, as the spec says', async () => {
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'active')!;
    await sb.dbx.teamMembersSendWelcomeEmail({ '.tag': 'team_member_id', team_member_id: m.teamMemberId });
    expect(m.welcomeEmailsSent).toBe(0);
  });

  it('answers user_not_found and user_not_in_team', async () => {
    const unknown = await sdkError(sb.dbx.teamMembersSendWelcomeEmail({ '.tag': 'email', email: 'nobody@example-sandbox.com' }));
    expect(unknown.status).toBe(409);
    expect(unknown.error.error['.tag']).toBe('user_not_found');

    const m = sb.sandbox.store.state.members.find((x) => x.status === 'invited' && x.welcomeEmailsSent === 1)!;
    m.status = 'removed';
    m.removal = { on: sb.sandbox.store.clock.now(), isDisconnected: false, unrecoverable: false };
    const removed = await sdkError(sb.dbx.teamMembersSendWelcomeEmail({ '.tag': 'team_member_id', team_member_id: m.teamMemberId }));
    expect(removed.error.error['.tag']).toBe('user_not_in_team');
    expect(m.welcomeEmailsSent).toBe(1);
  });
});
