import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index.js';
import type { Member } from '../../../../main/sandbox/model/types.js';
import { runJob, startJobs, tokenOf, writesLogged, type JobsFixture } from '../../../support/jobs-fixture.js';
import { memberPool, USER_MGMT_ADMIN } from './actions-fixture.js';

let sb: RunningSandbox;
let f: JobsFixture;
let sam: Member;
const take = memberPool(() => sb);
const stored = (m: Member) => sb.sandbox.store.memberById(m.teamMemberId)!;
const outcomes = (r: Awaited<ReturnType<typeof runJob>>) => r.results.map((x) => x.outcome);

beforeAll(async () => {
  sb = await startSandbox({ members: 80, seed: 31 });
  sam = sb.sandbox.store.state.members[0];
  f = startJobs(sb);
});
beforeEach(() => {
  sb.sandbox.log.clear();
  sb.sandbox.faults.clear();
});
afterAll(() => sb.close());

describe('invite', () => {
  it('invites with or without the welcome email (silent invite), with a role', async () => {
    const r = await runJob(f.jobs, 'member.invite', [
      { email: 'new.one@example.com', givenName: 'New', surname: 'One', sendWelcomeEmail: true, roleId: USER_MGMT_ADMIN, externalId: 'EXT-1' },
      { email: 'silent.one@example.com', sendWelcomeEmail: false },
    ]);
    expect(r.plan.items[1].consequences).toContain('Silent invite: no email is sent; the person joins by signing in through single sign-on (SSO).');
    expect(outcomes(r).map((o) => o.outcome)).toEqual(['done', 'done']);
    const a = sb.sandbox.store.memberByEmail('new.one@example.com')!;
    expect(a).toMatchObject({ status: 'invited', givenName: 'New', roleIds: [USER_MGMT_ADMIN], externalId: 'EXT-1', welcomeEmailsSent: 1 });
    expect(sb.sandbox.store.memberByEmail('silent.one@example.com')).toMatchObject({ status: 'invited', welcomeEmailsSent: 0 });
  });

  it('someone already on the team is a skip, in the plan and when it happens between plan and run', async () => {
    const existing = take('active');
    const plan = await f.jobs.plan({ kind: 'member.invite', items: [{ email: existing.email, sendWelcomeEmail: true }] });
    expect(plan.items[0]).toMatchObject({ status: 'skip', skipReason: 'Already on the team.' });
    const race = await f.jobs.plan({ kind: 'member.invite', items: [{ email: 'race@example.com', sendWelcomeEmail: true }] });
    await runJob(f.jobs, 'member.invite', [{ email: 'race@example.com', sendWelcomeEmail: true }]);
    await f.jobs.start(race.jobId);
    await f.jobs.whenStopped(race.jobId);
    expect(f.jobs.items({ jobId: race.jobId, offset: 0, limit: 1 }).items[0].outcome).toMatchObject({ outcome: 'skipped', reason: 'Already on the team.', requestId: expect.any(String) });
  });

  it('an async add_v2 is polled to completion', async () => {
    sb.sandbox.config.asyncAddThreshold = 0;
    try {
      const r = await runJob(f.jobs, 'member.invite', [{ email: 'async.invite@example.com', sendWelcomeEmail: true }]);
      expect(outcomes(r)[0].outcome).toBe('done');
      expect(writesLogged(sb, 'team/members/add/job_status/get_v2').length).toBeGreaterThanOrEqual(1);
      expect(sb.sandbox.store.memberByEmail('async.invite@example.com')?.status).toBe('invited');
    } finally {
      sb.sandbox.config.asyncAddThreshold = 5;
    }
  });

  it('bad input is caught in the plan, one sentence per item, and nothing is sent', async () => {
    const plan = await f.jobs.plan({
      kind: 'member.invite',
      items: [
        { email: 'not-an-email', sendWelcomeEmail: true },
        { email: `${'a'.repeat(250)}@example.com`, sendWelcomeEmail: true },
        { email: 'long.name@example.com', givenName: 'N'.repeat(51), sendWelcomeEmail: true },
        { email: 'slash@example.com', surname: 'a/b', sendWelcomeEmail: true },
        { email: 'ext@example.com', externalId: 'x'.repeat(65), sendWelcomeEmail: true },
        { email: 'role@example.com', roleId: 'pid_dbtmr:nope', sendWelcomeEmail: true },
        { email: 'norole@example.com', roleId: 'admin', sendWelcomeEmail: true },
      ],
    });
    expect(plan.items.map((i) => i.problems[0])).toEqual([
      'email: This is not an email address Dropbox accepts (name@example.com).',
      'email: An email address has at most 255 characters.',
      'givenName: A name has at most 50 characters.',
      'surname: A name cannot contain / : ? * < > " or |.',
      'externalId: An external ID has at most 64 characters.',
      'There is no role pid_dbtmr:nope on this team.',
      'roleId: A role id starts with pid_dbtmr:.',
    ]);
    expect(plan.counts).toEqual({ ready: 0, skip: 0, blocked: 7 });
    await f.jobs.start(plan.jobId);
    await f.jobs.whenStopped(plan.jobId);
    expect(writesLogged(sb)).toEqual([]);
  });

  it('no free licence blocks the invite', async () => {
    const team = sb.sandbox.store.state.team;
    const before = team.numLicensedUsers;
    team.numLicensedUsers = sb.sandbox.store.provisionedCount();
    try {
      const plan = await f.jobs.plan({ kind: 'member.invite', items: [{ email: 'full@example.com', sendWelcomeEmail: true }] });
      expect(plan.items[0].problems).toEqual(['The team has no free licence for this invitation: free one up or add licences first.']);
    } finally {
      team.numLicensedUsers = before;
    }
  });
});

describe('resend and cancel an invite', () => {
  it('resends the invitation email to an invited member; an active member has nothing to resend', async () => {
    const invited = take('invited');
    const active = take('active');
    const sent = stored(invited).welcomeEmailsSent;
    const r = await runJob(f.jobs, 'member.resend-invite', [{ member: invited.email }, { member: active.email }]);
    expect(outcomes(r)[0].outcome).toBe('done');
    expect(outcomes(r)[1]).toEqual({ outcome: 'failed', tag: 'preflight', message: `${active.email} has already joined: there is no invitation to resend.` });
    expect(stored(invited).welcomeEmailsSent).toBe(sent + 1);
  });

  it('cancels an invitation (remove of an invited member); a member who joined is refused', async () => {
    const invited = take('invited');
    const active = take('active');
    const r = await runJob(f.jobs, 'member.cancel-invite', [{ member: invited.teamMemberId }, { member: active.teamMemberId }]);
    expect(outcomes(r).map((o) => o.outcome)).toEqual(['done', 'failed']);
    expect(stored(invited).status).toBe('removed');
    expect(stored(active).status).toBe('active');
  });
});

describe('edit profile', () => {
  it('sets names, email, external id and directory restriction; the email change says it needs verifying', async () => {
    const m = take('active');
    const r = await runJob(f.jobs, 'member.edit-profile', [{ member: m.email, givenName: 'Edited', surname: 'Person', email: 'edited.person@example.com', externalId: 'EDIT-1', directoryRestricted: true }]);
    expect(r.plan.items[0].consequences).toContain('The member must verify the new email address; they sign in with it from now on.');
    expect(outcomes(r)[0].outcome).toBe('done');
    expect(stored(m)).toMatchObject({ givenName: 'Edited', surname: 'Person', email: 'edited.person@example.com', externalId: 'EDIT-1', isDirectoryRestricted: true });
  });

  it("another member's email fails with Dropbox's tag and a sentence; a removed member is refused in the plan", async () => {
    const [a, b] = [take('active'), take('active')];
    const removed = take('removed');
    const r = await runJob(f.jobs, 'member.edit-profile', [{ member: a.email, email: b.email }, { member: removed.email, givenName: 'Ghost' }, { member: a.email }]);
    expect(outcomes(r)[0]).toMatchObject({ outcome: 'failed', tag: 'email_reserved_for_other_user', message: 'That email address already belongs to another member or Dropbox account.', requestId: expect.any(String) });
    expect(outcomes(r)[1]).toMatchObject({ outcome: 'failed', tag: 'preflight', message: `${removed.email} has been removed: a removed member's profile cannot be changed.` });
    expect(outcomes(r)[2]).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Give at least one thing to change') });
  });
});

describe('change role', () => {
  it('grants and takes away roles; an unchanged role is a skip; an unknown role is refused', async () => {
    const [a, b] = [take('active'), take('active')];
    const r = await runJob(f.jobs, 'member.change-role', [{ member: a.email, roleId: USER_MGMT_ADMIN }, { member: b.email, roleId: null }, { member: a.email, roleId: 'pid_dbtmr:unknown' }]);
    expect(outcomes(r).map((o) => o.outcome)).toEqual(['done', 'skipped', 'failed']);
    expect(stored(a).roleIds).toEqual([USER_MGMT_ADMIN]);
    expect(r.plan.items[2].problems).toEqual(['There is no role pid_dbtmr:unknown on this team.']);
    const back = await runJob(f.jobs, 'member.change-role', [{ member: a.email, roleId: null }]);
    expect(outcomes(back)[0].outcome).toBe('done');
    expect(stored(a).roleIds).toEqual([]);
  });

  it('the connected admin cannot demote themselves, the last Team admin keeps the role, and only a Team admin changes roles', async () => {
    const own = await f.jobs.plan({ kind: 'member.change-role', items: [{ member: sam.email, roleId: null }] });
    expect(own.items[0].problems).toEqual([`You cannot take the Team admin role from yourself: Teamkeeper is signed in as ${sam.email}.`]);
    // Signed in as the user management admin: Sam is now "someone else", and still the last Team admin.
    const other = sb.sandbox.store.state.members[1];
    const asOther = startJobs(sb, { accessToken: tokenOf(sb, other.teamMemberId) });
    const plan = await asOther.jobs.plan({ kind: 'member.change-role', items: [{ member: sam.email, roleId: null }] });
    expect(plan.items[0].problems).toEqual([`Only a Team admin can change roles, and ${other.email} is not one.`, `${sam.email} is the last Team admin: you cannot take the Team admin role from them. Make someone else a Team admin first.`]);
    expect(writesLogged(sb)).toEqual([]);
  });
});

describe('suspend and unsuspend', () => {
  it('suspends with wipe on or off as chosen; the licence stays in use; already suspended is a skip', async () => {
    const [wiped, kept] = [take('active', (m) => m.roleIds.length === 0 && m.devices.length > 0), take('active', (m) => m.roleIds.length === 0 && m.devices.length > 0)];
    const already = take('suspended');
    const r = await runJob(f.jobs, 'member.suspend', [{ member: wiped.email, wipeData: true }, { member: kept.email, wipeData: false }, { member: already.email, wipeData: false }]);
    expect(r.plan.items[0].consequences).toContain('The licence stays in use while the member is suspended.');
    expect(outcomes(r).map((o) => o.outcome)).toEqual(['done', 'done', 'skipped']);
    expect(stored(wiped).status).toBe('suspended');
    expect(stored(wiped).devices.every((d) => d.wiped)).toBe(true);
    expect(stored(kept).devices.some((d) => d.wiped)).toBe(false);
  });

  it('refuses yourself, the last Team admin and an invited member, sending nothing', async () => {
    const invited = take('invited');
    const plan = await f.jobs.plan({ kind: 'member.suspend', items: [{ member: sam.email, wipeData: false }, { member: invited.email, wipeData: false }] });
    expect(plan.items[0].problems).toEqual([`You cannot suspend yourself: Teamkeeper is signed in as ${sam.email}.`, `${sam.email} is the last Team admin: you cannot suspend them. Make someone else a Team admin first.`]);
    expect(plan.items[1].problems).toEqual(['An invited member cannot be suspended, only removed (cancel the invite).']);
    const other = startJobs(sb, { accessToken: tokenOf(sb, sb.sandbox.store.state.members[1].teamMemberId) });
    const asOther = await other.jobs.plan({ kind: 'member.suspend', items: [{ member: sam.email, wipeData: false }] });
    expect(asOther.items[0].problems).toEqual([`${sam.email} is the last Team admin: you cannot suspend them. Make someone else a Team admin first.`]);
    expect(writesLogged(sb)).toEqual([]);
  });

  it('unsuspends a suspended member; an active one is a skip; a team over its licences is refused', async () => {
    const s = take('suspended');
    const active = take('active');
    const r = await runJob(f.jobs, 'member.unsuspend', [{ member: s.email }, { member: active.email }]);
    expect(outcomes(r).map((o) => o.outcome)).toEqual(['done', 'skipped']);
    expect(stored(s).status).toBe('active');
    const team = sb.sandbox.store.state.team;
    const before = team.numLicensedUsers;
    team.numLicensedUsers = sb.sandbox.store.provisionedCount() - 1;
    try {
      const plan = await f.jobs.plan({ kind: 'member.unsuspend', items: [{ member: take('suspended').email }] });
      expect(plan.items[0].problems[0]).toMatch(/^The team uses \d+ licences but has \d+: free one up or add licences first\.$/);
    } finally {
      team.numLicensedUsers = before;
    }
  });
});
