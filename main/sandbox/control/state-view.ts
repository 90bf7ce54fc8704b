import type { Sandbox } from '../sandbox.js';
import { dropboxTimestamp } from '../model/clock.js';

/**
 * GET /__sandbox/state: the whole team as tests and the app's sandbox mode
 * see it, with what is derived rather than stored (group ids per member,
 * license counts, whether a job still reports in_progress).
 */
export function stateView(sb: Sandbox): Record<string, unknown> {
  const { store } = sb;
  const s = store.state;
  const wall = Date.now();
  const provisioned = store.provisionedCount();
  return {
    now: dropboxTimestamp(store.clock.now()),
    nowMs: store.clock.now(),
    clockOffsetMs: store.clock.offsetMs,
    seed: s.seed,
    team: s.team,
    licenses: { licensed: s.team.numLicensedUsers, provisioned, available: Math.max(0, s.team.numLicensedUsers - provisioned) },
    config: { ...sb.config },
    members: s.members.map((m) => ({ ...m, groupIds: store.groupsOf(m.teamMemberId) })),
    groups: s.groups,
    jobs: s.jobs.map((j) => ({ ...j, pending: wall < j.readyAt })),
  };
}
