import type { team } from 'dropbox';
import { messageForTag } from '../dropbox/error-messages.js';
import { pollAsyncJob } from '../dropbox/poll-async-job.js';
import type { JobKind, PlannedItem } from '../jobs/job-kind.js';
import { trackedCall } from '../jobs/tracked-call.js';
import type { ItemOutcome } from '../../../preload/contract/jobs.js';
import { licences, normalKey, readMembers, statusOf, teamRoles } from './member-reads.js';
import { inviteParams, type InviteParams } from '../../../preload/contract/member-actions.js';


function outcomeOf(result: team.MemberAddV2Result, requestId: string | undefined): ItemOutcome {
  const rid = requestId ? { requestId } : {};
  const tag = result['.tag'];
  if (tag === 'success') return { outcome: 'done', memberId: result.profile.team_member_id, ...rid };
  if (tag === 'user_already_on_team') return { outcome: 'skipped', reason: 'Already on the team.', ...rid };
  return { outcome: 'failed', tag, message: messageForTag(tag) ?? `Dropbox did not add this person (${tag}).`, ...rid };
}

async function inviteRun(ctx: Parameters<JobKind<InviteParams>['run']>[0], item: PlannedItem<InviteParams>): Promise<ItemOutcome> {
  const { team, signal } = ctx;
  let requestId: string | undefined;
  let jobId = ctx.asyncJobId;
  if (!jobId) {
    const p = item.input;
    const member: team.MemberAddV2Arg = { member_email: p.email, send_welcome_email: p.sendWelcomeEmail };
    if (p.givenName !== undefined) member.member_given_name = p.givenName;
    if (p.surname !== undefined) member.member_surname = p.surname;
    if (p.externalId !== undefined) member.member_external_id = p.externalId;
    if (p.roleId !== undefined) member.role_ids = [p.roleId];
    const launched = await trackedCall(team.client, 'team/members/add_v2', 'write', (dbx, o) => dbx.teamMembersAddV2({ new_members: [member] }, o), { signal });
    requestId = launched.requestId;
    if (launched.result['.tag'] === 'complete') return outcomeOf(launched.result.complete[0], requestId);
    if (launched.result['.tag'] !== 'async_job_id') return { outcome: 'failed', message: 'Dropbox answered the invitation in a way Teamkeeper does not know.', tag: launched.result['.tag'] };
    jobId = launched.result.async_job_id;
    await ctx.noteAsyncJob(jobId);
  }
  const complete = await pollAsyncJob(team.client, 'members_add', jobId, { signal });
  return outcomeOf(complete[0], requestId);
}

export const invite: JobKind<InviteParams> = {
  kind: 'member.invite',
  label: 'Invite',
  irreversible: false,
  confirmByEmail: false,
  params: inviteParams,
  async plan(t, items) {
    const needsRoles = items.some((i) => i.input.roleId !== undefined);
    const [found, lic, roles] = await Promise.all([readMembers(t.client, items.map((i) => i.input.email)), licences(t.client), needsRoles ? teamRoles(t.client) : Promise.resolve([])]);
    let free = lic.licensed - lic.provisioned;
    const seen = new Set<string>();
    return items.map(({ index, input }): PlannedItem<InviteParams> => {
      const base = { index, input, calls: [] as string[], consequences: [] as string[], problems: [] as string[], irreversible: false };
      const key = normalKey(input.email);
      const existing = found.get(key);
      if ((existing && statusOf(existing) !== 'removed') || seen.has(key)) return { ...base, status: 'skip', skipReason: 'Already on the team.' };
      seen.add(key);
      if (input.roleId !== undefined && !roles.some((r) => r.role_id === input.roleId)) base.problems.push(`There is no role ${input.roleId} on this team.`);
      if (free <= 0) base.problems.push('The team has no free licence for this invitation: free one up or add licences first.');
      if (base.problems.length) return { ...base, status: 'blocked' };
      free--;
      const role = input.roleId ? roles.find((r) => r.role_id === input.roleId)?.name : undefined;
      return {
        ...base,
        status: 'ready',
        calls: ['team/members/add_v2', 'team/members/add/job_status/get_v2 if Dropbox answers with a job'],
        consequences: [
          `Invites ${input.email}${role ? ` as ${role}` : ''}; the invitation uses a licence at once.`,
          input.sendWelcomeEmail ? 'Dropbox emails an invitation to join the team.' : 'Silent invite: no email is sent; the person joins by signing in through single sign-on (SSO).',
          'Reversible: cancel the invite at any time before they join.',
        ],
      };
    });
  },
  run: inviteRun,
  async verify(t, item) {
    const info = (await readMembers(t.client, [item.input.email])).get(normalKey(item.input.email));
    return info && statusOf(info) !== 'removed' ? 'applied' : 'not_applied';
  },
  auditOptions: ({ email: _e, ...options }) => options,
};
