import type { RunningSandbox } from '../../../../main/sandbox/index.js';
import type { Member } from '../../../../main/sandbox/model/types.js';

/** Hands out sandbox members of a status, each once per test file, so tests do not share people. */
export function memberPool(sb: () => RunningSandbox): (status: Member['status'], filter?: (m: Member) => boolean) => Member {
  const used = new Set<string>();
  return (status, filter = (m) => m.roleIds.length === 0) => {
    const m = sb().sandbox.store.state.members.find((x) => x.status === status && !used.has(x.teamMemberId) && filter(x));
    if (!m) throw new Error(`the sandbox team has no more ${status} members for this test file`);
    used.add(m.teamMemberId);
    return m;
  };
}

export const USER_MGMT_ADMIN = 'pid_dbtmr:tk-user-mgmt-admin';
