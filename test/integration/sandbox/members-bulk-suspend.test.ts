import type { team } from 'dropbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byId, routeErrorTag, sdkFor, withSandbox } from '../../support/sandbox-client.js';
import { pollUntilDone, teamAdmin, userManagementAdmin, type Sb } from './members-remove-fixtures.js';
import type { Member } from '../../../main/sandbox/index.js';
import { TEAM_SCOPES } from '../../../main/sandbox/index.js';
import type { BulkSuspendReportRow } from '../../../main/sandbox/routes/members-bulk-suspend.js';

const target = (id: string, m: Pick<Member, 'teamMemberId'>, wipe_data?: boolean): team.BulkSuspendMemberTarget => ({
  client_item_id: id,
  suspend_arg: wipe_data === undefined ? { user: byId(m) } : { user: byId(m), wipe_data },
});

describe('sandbox: members/bulk_suspend through the real SDK', () => {
  let sb: Sb;
  let plain: Member[];
  const statuses = () => sb.sandbox.store.state.members.map((m) => m.status);

  beforeAll(async () => {
    // Long enough that the first poll still finds the job running on a loaded machine.
    sb = await withSandbox({ members: 80, seed: 5, asyncJobDelayMs: 600 });
    plain = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0 && m.devices.length > 0);
  });
  afterAll(() => sb.close());

  it('suspends through a job that completes after the delay with the counts, failed rows included', async () => {
    const store = sb.sandbox.store;
    const [a, b] = plain;
    const invited = store.state.members.find((m) => m.status === 'invited')!;
    const suspended = store.state.members.find((m) => m.status === 'suspended')!;
    const removed = store.state.members.find((m) => m.status === 'removed')!;
    const launch = await sb.dbx.teamMembersBulkSuspend({
      members: [
        target('row-a', a),
        target('row-b', b, false),
        target('row-invited', invited),
        target('row-suspended', suspended),
        target('row-removed', removed),
        { client_item_id: 'row-nobody', suspend_arg: { user: { '.tag': 'email', email: 'nobody@example-sandbox.com' } } },
      ],
    });
    expect(launch.status).toBe(200);
    if (launch.result['.tag'] !== 'async_job_id') throw new Error('expected an async job');
    const jobId = launch.result.async_job_id;
    expect(a.status).toBe('suspended');
    expect(a.devices.every((d) => d.wiped)).toBe(true);
    expect(b.status).toBe('suspended');
    expect(b.devices.some((d) => d.wiped)).toBe(false);

    const poll = () => sb.dbx.teamMembersBulkSuspendJobStatusCheck({ async_job_id: jobId });
    const { tags } = await pollUntilDone(poll);
    expect(tags[0]).toBe('in_progress');
    const done = (await poll()).result;
    if (done['.tag'] !== 'complete') throw new Error(done['.tag']);
    expect({ requested: done.requested, suspended: done.suspended, failed: done.failed, unknown: done.unknown }).toEqual({ requested: 6, suspended: 2, failed: 4, unknown: 0 });
    expect(['bulk_suspend_report_delivery_status_pending', 'bulk_suspend_report_delivery_status_delivered']).toContain(done.report_delivery['.tag']);
    // The report arrives one job delay after completion.
    await new Promise((r) => setTimeout(r, 700));
    const later = (await poll()).result as team.BulkSuspendJobStatusComplete;
    expect(later.report_delivery['.tag']).toBe('bulk_suspend_report_delivery_status_delivered');

    const report = store.jobById(jobId)!.outcome.report as BulkSuspendReportRow[];
    const outcome = Object.fromEntries(report.map((r) => [r.client_item_id, r.outcome['.tag'] === 'failed' ? r.outcome.failed['.tag'] : r.outcome['.tag']]));
    expect(outcome).toEqual({
      'row-a': 'suspended',
      'row-b': 'suspended',
      'row-invited': 'suspend_inactive_user',
      'row-suspended': 'suspend_inactive_user',
      'row-removed': 'user_not_in_team',
      'row-nobody': 'user_not_found',
    });
  });

  it('refuses 0 and 501 targets, duplicates and the acting admin, suspending nobody', async () => {
    const [, , c, d] = plain;
    const before = statuses();
    const many = Array.from({ length: 501 }, (_, i): team.BulkSuspendMemberTarget => ({ client_item_id: `r${i}`, suspend_arg: { user: { '.tag': 'email' as const, email: `n${i}@example-sandbox.com` } } }));
    many[0] = target('r0', c);
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: [] }))).toBe('invalid_request');
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: many }))).toBe('too_many_members');
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: [target('', c)] }))).toBe('invalid_request');
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: [target('x', c), target('x', d)] }))).toBe('duplicate_client_item_id');
    // The same member by id and by email is the same target.
    const byEmail = { client_item_id: 'y', suspend_arg: { user: { '.tag': 'email' as const, email: c.email.toUpperCase() } } };
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: [target('x', c), byEmail] }))).toBe('duplicate_team_member_id');
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspend({ members: [target('x', c), target('me', teamAdmin(sb))] }))).toBe('acting_admin');
    expect(statuses()).toEqual(before);
  });

  it('accepts exactly 500 targets', async () => {
    const fivehundred = Array.from({ length: 500 }, (_, i): team.BulkSuspendMemberTarget => ({ client_item_id: `r${i}`, suspend_arg: { user: { '.tag': 'email' as const, email: `n${i}@example-sandbox.com` } } }));
    const res = await sb.dbx.teamMembersBulkSuspend({ members: fivehundred });
    expect(res.result['.tag']).toBe('async_job_id');
  });

  it('answers last_admin when the job would suspend every active Team admin', async () => {
    // A User management admin may suspend, but not the team's only Team admin.
    const dbx = sdkFor(sb, sb.sandbox.tokens.issueAccess(userManagementAdmin(sb).teamMemberId, TEAM_SCOPES));
    const before = statuses();
    expect(await routeErrorTag(dbx.teamMembersBulkSuspend({ members: [target('sam', teamAdmin(sb)), target('c', plain[2])] }))).toBe('last_admin');
    expect(statuses()).toEqual(before);
  });

  it('answers invalid_async_job_id for unknown ids and jobs of other kinds, and 400 for a malformed target', async () => {
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspendJobStatusCheck({ async_job_id: 'dbjid:nope' }))).toBe('invalid_async_job_id');
    const [e, f] = plain.slice(4);
    const remove = await sb.dbx.teamMembersRemove({ user: byId(e), transfer_dest_id: byId(f), transfer_admin_id: byId(teamAdmin(sb)) });
    if (remove.result['.tag'] !== 'async_job_id') throw new Error('expected a transfer job');
    expect(await routeErrorTag(sb.dbx.teamMembersBulkSuspendJobStatusCheck({ async_job_id: remove.result.async_job_id }))).toBe('invalid_async_job_id');
    const bad = await fetch(`${sb.url}/2/team/members/bulk_suspend`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${sb.accessToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ members: [{ client_item_id: 'a', suspend_arg: { user: byId(plain[3]) }, extra: 1 }] }),
    });
    expect(bad.status).toBe(400);
    expect(plain[3].status).toBe('active');
  });
});
