import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dropbox, team } from 'dropbox';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { Sandbox } from '../../../main/sandbox/sandbox.js';
import { TeamStore } from '../../../main/sandbox/model/team-store.js';
import { Random } from '../../../main/sandbox/model/random.js';
import { sdkFor } from '../../support/sandbox-client.js';
import { control } from './control-api.js';

/**
 * The store keeps its indexes up to date write by write and the team file
 * keeps a log of changes instead of the whole team. After a few hundred
 * random writes of every kind through the SDK, both must agree with starting
 * over: indexes rebuilt from scratch, and the team loaded from its files.
 */
describe('sandbox store: incremental indexes and the change log', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sandbox-indexes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const byId = (id: string): team.UserSelectorArg => ({ '.tag': 'team_member_id', team_member_id: id });

  /** One random write; a route error (409) is an expected outcome of a random choice. */
  async function randomWrite(sb: RunningSandbox, dbx: Dropbox, rnd: Random, n: number, succeeded: number[]): Promise<void> {
    const store = sb.sandbox.store;
    const members = store.state.members;
    // Never member 0: the admin whose token makes the calls.
    const m = members[rnd.int(1, members.length - 1)];
    const groups = store.state.groups.filter((g) => g.managementType !== 'system_managed');
    const g = groups[rnd.int(0, groups.length - 1)];
    const group = { '.tag': 'group_id' as const, group_id: g?.groupId ?? 'g:none' };
    // A member in the state a call needs, when there is one.
    const withStatus = (status: string) => {
      const some = members.filter((o, i) => i > 0 && o.status === status);
      return some.length > 0 ? some[rnd.int(0, some.length - 1)] : m;
    };
    // Someone already in the group, for the calls that need one.
    const inGroup = g && g.members.length > 0 ? g.members[rnd.int(0, g.members.length - 1)].teamMemberId : m.teamMemberId;
    const calls: Array<() => Promise<unknown>> = [
      () => dbx.teamMembersSetProfileV2({ user: byId(m.teamMemberId), new_surname: `S${n}` }),
      () => dbx.teamMembersSetProfileV2({ user: byId(m.teamMemberId), new_email: `moved${n}@example-sandbox.com` }),
      () => dbx.teamMembersSetProfileV2({ user: byId(m.teamMemberId), new_external_id: rnd.chance(0.3) ? '' : `X${rnd.int(0, 40)}` }),
      () => dbx.teamMembersSetProfileV2({ user: byId(m.teamMemberId), new_persistent_id: `P${rnd.int(0, 20)}` }),
      () => dbx.teamMembersSuspend({ user: byId(m.teamMemberId), wipe_data: rnd.chance(0.5) }),
      () => dbx.teamMembersUnsuspend({ user: byId(withStatus('suspended').teamMemberId) }),
      () => dbx.teamMembersRemove({ user: byId(m.teamMemberId), wipe_data: false, keep_account: rnd.chance(0.2) }),
      () => dbx.teamMembersRecover({ user: byId(withStatus('removed').teamMemberId) }),
      () =>
        dbx.teamMembersAddV2({
          new_members: Array.from({ length: rnd.int(1, 3) }, (_, i) => ({
            member_email: `new${n}-${i}@example-sandbox.com`,
            member_persistent_id: rnd.chance(0.5) ? `P${rnd.int(0, 20)}` : undefined,
            role_ids: rnd.chance(0.1) ? ['pid_dbtmr:tk-team-admin'] : undefined,
          })),
        }),
      () => dbx.teamMembersSetAdminPermissionsV2({ user: byId(m.teamMemberId), new_roles: rnd.chance(0.5) ? ['pid_dbtmr:tk-team-admin'] : [] }),
      () => dbx.teamGroupsMembersAdd({ group, members: [{ user: byId(m.teamMemberId), access_type: { '.tag': rnd.chance(0.3) ? 'owner' : 'member' } }], return_members: false }),
      () => dbx.teamGroupsMembersRemove({ group, users: [byId(inGroup)], return_members: false }),
      () => {
        // Flip someone's access in a user-managed group (company-managed ones have no owners).
        const um = groups.filter((x) => x.managementType === 'user_managed' && x.members.length > 0);
        const ug = um.length > 0 ? um[rnd.int(0, um.length - 1)] : g;
        const gm = ug?.members[rnd.int(0, ug.members.length - 1)];
        const flip = gm?.accessType === 'owner' ? 'member' : 'owner';
        return dbx.teamGroupsMembersSetAccessType({ group: { '.tag': 'group_id', group_id: ug?.groupId ?? 'g:none' }, user: byId(gm?.teamMemberId ?? m.teamMemberId), access_type: { '.tag': flip }, return_members: false });
      },
      () => dbx.teamGroupsCreate({ group_name: `Group ${n}`, add_creator_as_owner: rnd.chance(0.5), group_external_id: rnd.chance(0.5) ? `GX${n}` : undefined }),
      () => dbx.teamGroupsUpdate({ group, new_group_name: `Renamed ${n}`, new_group_management_type: { '.tag': rnd.chance(0.5) ? 'company_managed' : 'user_managed' }, return_members: false }),
      // Deleting is rarer than the rest, so groups live long enough to change.
      () => (rnd.chance(0.25) ? dbx.teamGroupsDelete(group) : dbx.teamGroupsGetInfo({ '.tag': 'group_ids', group_ids: [group.group_id] })),
    ];
    const pick = rnd.int(0, calls.length - 1);
    try {
      await calls[pick]();
      succeeded[pick] = (succeeded[pick] ?? 0) + 1;
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
    }
  }

  /** Everything a route can ask the indexes, for every member and group. */
  function answers(store: TeamStore) {
    const s = store.state;
    return {
      provisioned: store.provisionedCount(),
      admins: store.activeTeamAdmins().map((m) => m.teamMemberId),
      members: s.members.map((m) => ({
        id: store.memberById(m.teamMemberId)?.teamMemberId,
        byEmail: store.memberByEmail(m.email)?.teamMemberId,
        byExternalId: m.externalId ? store.memberByExternalId(m.externalId)?.teamMemberId : null,
        byPersistentId: m.persistentId ? store.membersWithPersistentId(m.persistentId).map((o) => o.teamMemberId).sort() : null,
        groups: [...store.groupsOf(m.teamMemberId)].sort(),
      })),
      groups: s.groups.map((g) => ({ id: g.groupId, live: store.liveMemberCount(g), members: g.members.map((gm) => store.membership(g, gm.teamMemberId)?.accessType) })),
      jobs: store.jobs().map((j) => j.id),
    };
  }

  // With a tiny compaction threshold the writes run across many background
  // compactions; with a huge one the reload replays nearly all of them from the log.
  it.each([
    ['compacting every few writes', 6 * 1024],
    ['never compacting', 1024 * 1024 * 1024],
  ])('after random writes of every kind, matches a rebuild and a reload from the files (%s)', async (label, compactBytes) => {
    const file = join(dir, `${label.replace(/\W+/g, '-')}.json`);
    const sb = await startSandbox({ members: 60, seed: 11, statePath: file, compactBytes, asyncJobDelayMs: 0 });
    try {
      const dbx = sdkFor(sb);
      const rnd = new Random(4);
      // A change made outside a tracked write (control API) saves the whole team once, then the log goes on.
      const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
      expect((await control(sb, 'POST', 'invites/accept', { team_member_id: invited.teamMemberId })).status).toBe(200);
      const succeeded: number[] = [];
      for (let n = 0; n < 500; n++) await randomWrite(sb, dbx, rnd, n, succeeded);
      // Every kind of write succeeded several times, so each was really checked.
      for (let k = 0; k < 16; k++) expect(succeeded[k] ?? 0, `write kind ${k}`).toBeGreaterThanOrEqual(3);
      const live = sb.sandbox.store;
      // Enough happened for the check to mean something.
      expect(live.state.members.length).toBeGreaterThan(60);
      expect(live.state.members.some((m) => m.status === 'removed' && m.removal)).toBe(true);

      const rebuilt = new TeamStore(JSON.parse(JSON.stringify(live.state)));
      expect(answers(live)).toEqual(answers(rebuilt));

      // The files as they are now (snapshot + logs), loaded elsewhere as after a kill.
      const copy = mkdtempSync(join(dir, 'copy-'));
      const name = basename(file);
      for (const f of readdirSync(dir)) if (f.startsWith(name)) copyFileSync(join(dir, f), join(copy, f));
      const reloaded = new Sandbox({ statePath: join(copy, name) });
      try {
        expect(JSON.parse(JSON.stringify(reloaded.store.state))).toEqual(JSON.parse(JSON.stringify(live.state)));
        expect(answers(reloaded.store)).toEqual(answers(live));
      } finally {
        reloaded.close();
      }
    } finally {
      await sb.close();
    }
  }, 60_000);
});
