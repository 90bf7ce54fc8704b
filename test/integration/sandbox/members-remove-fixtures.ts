import type { team } from 'dropbox';
import type { Member } from '../../../main/sandbox/index.js';
import type { withSandbox } from '../../support/sandbox-client.js';

export type Sb = Awaited<ReturnType<typeof withSandbox>>;

export const byId = (m: Pick<Member, 'teamMemberId'>): team.UserSelectorArg => ({ '.tag': 'team_member_id', team_member_id: m.teamMemberId });

/** Active plain members with a verified email: safe sources and destinations. */
export function plainMembers(sb: Sb, n: number): Member[] {
  const found = sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0 && m.emailVerified);
  if (found.length < n) throw new Error(`seed has only ${found.length} plain active members`);
  return found.slice(0, n);
}

/** The seeded Team admin behind sb.accessToken. */
export function teamAdmin(sb: Sb): Member {
  return sb.sandbox.store.memberById(sb.sandbox.firstAdminId()) as Member;
}

/** The seeded User management admin (member 1). */
export function userManagementAdmin(sb: Sb): Member {
  return sb.sandbox.store.state.members[1];
}

export function setFiles(m: Member, files: number, bytes: number, received: Member['files']['received'] = []): void {
  m.files = { files, bytes, deleted: false, received };
}

/** Polls a job_status route until it stops answering in_progress. */
export async function pollUntilDone(poll: () => Promise<{ result: { '.tag': string } }>): Promise<{ tags: string[] }> {
  const tags: string[] = [];
  for (let i = 0; i < 100; i++) {
    const res = await poll();
    tags.push(res.result['.tag']);
    if (res.result['.tag'] !== 'in_progress') return { tags };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job never finished');
}
