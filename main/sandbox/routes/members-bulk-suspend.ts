import type { async, team } from 'dropbox';
import { z } from 'zod';
import { route, type RouteContext } from './route.js';
import { pollArg, userSelector } from './schemas.js';
import { isLastTeamAdmin } from './members-target.js';
import { RouteError } from '../http/errors.js';
import type { Member } from '../model/types.js';
import type { TeamStore } from '../model/team-store.js';

/** BulkSuspendArg.members: "Must contain between 1 and 500 targets." */
export const MAX_BULK_SUSPEND = 500;

const target = z.strictObject({
  client_item_id: z.string(),
  // MembersDeactivateArg
  suspend_arg: z.strictObject({ user: userSelector, wipe_data: z.boolean().default(true) }),
});

const bulkArg = z.strictObject({ members: z.array(target) });

type BulkArg = z.output<typeof bulkArg>;
type Target = BulkArg['members'][number];
type LaunchTag = team.BulkSuspendError['.tag'];
type RowFailureTag = team.BulkSuspendRowFailure['.tag'];

/** One row of the job's report (the e-mailed report; also shown by GET /__sandbox/state). */
export interface BulkSuspendReportRow {
  client_item_id: string;
  outcome: { '.tag': 'suspended' } | { '.tag': 'failed'; failed: { '.tag': RowFailureTag } } | { '.tag': 'unknown' };
}

/** Who a selector means, for duplicate detection: the member, or the selector itself when nobody matches. */
function identityKey(store: TeamStore, t: Target): string {
  const m = store.findMember(t.suspend_arg.user);
  if (m) return m.teamMemberId;
  const sel = t.suspend_arg.user;
  const value = sel['.tag'] === 'team_member_id' ? sel.team_member_id : sel['.tag'] === 'external_id' ? sel.external_id : sel.email.toLowerCase();
  return `${sel['.tag']}:${value}`;
}

/**
 * The launch rejection the call earns, or null. Checked before anything
 * changes, so a refused launch suspends nobody.
 */
function launchViolation(store: TeamStore, actingAdminId: string, targets: Target[]): LaunchTag | null {
  if (targets.length > MAX_BULK_SUSPEND) return 'too_many_members';
  // An empty list, or a row the report could not be matched back to.
  if (targets.length === 0 || targets.some((t) => t.client_item_id === '')) return 'invalid_request';
  const itemIds = new Set<string>();
  for (const t of targets) {
    if (itemIds.has(t.client_item_id)) return 'duplicate_client_item_id';
    itemIds.add(t.client_item_id);
  }
  const members = new Set<string>();
  for (const t of targets) {
    const key = identityKey(store, t);
    if (members.has(key)) return 'duplicate_team_member_id';
    members.add(key);
  }
  if (members.has(actingAdminId)) return 'acting_admin';
  // Suspending every active Team admin would leave nobody to undo it.
  const admins = store.activeTeamAdmins();
  if (admins.length > 0 && admins.every((a) => members.has(a.teamMemberId))) return 'last_admin';
  return null;
}

/** Suspends one row as members/suspend would; a refusal is the row's failure, not the job's. */
function suspendRow(store: TeamStore, actingAdminId: string, t: Target): BulkSuspendReportRow['outcome'] {
  const fail = (tag: RowFailureTag) => ({ '.tag': 'failed' as const, failed: { '.tag': tag } });
  const m: Member | undefined = store.findMember(t.suspend_arg.user);
  if (!m) return fail('user_not_found');
  if (m.teamMemberId === actingAdminId) return fail('protected_acting_admin');
  if (m.status === 'removed') return fail('user_not_in_team');
  if (m.status !== 'active') return fail('suspend_inactive_user');
  if (isLastTeamAdmin(store, m)) return fail('suspend_last_admin');
  m.status = 'suspended';
  m.suspendedOn = store.clock.now();
  if (t.suspend_arg.wipe_data) for (const d of m.devices) d.wiped = true;
  return { '.tag': 'suspended' };
}

function launch({ store, config, adminId }: RouteContext, arg: BulkArg): async.LaunchResultBase {
  const violation = launchViolation(store, adminId, arg.members);
  if (violation) throw new RouteError(violation);
  const report: BulkSuspendReportRow[] = arg.members.map((t) => ({ client_item_id: t.client_item_id, outcome: suspendRow(store, adminId, t) }));
  const suspended = report.filter((r) => r.outcome['.tag'] === 'suspended').length;
  const complete: Omit<team.BulkSuspendComplete, 'report_delivery'> = {
    requested: report.length,
    suspended,
    failed: report.length - suspended,
    // Every row is settled when the job is accepted; a row is unknown only when a job dies midway.
    unknown: 0,
  };
  const id = store.mintId('dbjid:tk');
  store.addJob({ id, kind: 'members_bulk_suspend', readyAt: Date.now() + config.asyncJobDelayMs, outcome: { complete, report } });
  return { '.tag': 'async_job_id', async_job_id: id };
}

export const membersBulkSuspendRoutes = [
  route<BulkArg, async.LaunchResultBase>({
    path: 'team/members/bulk_suspend',
    scope: 'members.write',
    write: true,
    schema: bulkArg,
    handle: launch,
  }),
  route<z.output<typeof pollArg>, team.BulkSuspendJobStatus>({
    path: 'team/members/bulk_suspend/job_status/check',
    scope: 'members.write',
    write: false,
    schema: pollArg,
    handle({ store, config }, arg) {
      const job = store.jobById(arg.async_job_id);
      if (!job || job.kind !== 'members_bulk_suspend') throw new RouteError('invalid_async_job_id');
      const now = Date.now();
      if (now < job.readyAt) return { '.tag': 'in_progress' };
      // The report is e-mailed once the job is done; it takes one more job delay to arrive.
      const delivered = now >= job.readyAt + config.asyncJobDelayMs;
      const report_delivery: team.BulkSuspendReportDeliveryStatus = {
        '.tag': delivered ? 'bulk_suspend_report_delivery_status_delivered' : 'bulk_suspend_report_delivery_status_pending',
      };
      return { '.tag': 'complete', ...(job.outcome.complete as Omit<team.BulkSuspendComplete, 'report_delivery'>), report_delivery };
    },
  }),
];
