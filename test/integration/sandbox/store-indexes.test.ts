import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Dropbox, team } from 'dropbox';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index.js';
import { Sandbox } from '../../../main/sandbox/sandbox.js';
import { TeamStore } from '../../../main/sandbox/model/team-store.js';
import { applyChange, finishReplay, replayIndex } from '../../../main/sandbox/model/change-record.js';
import type { SandboxState } from '../../../main/sandbox/model/types.js';
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

  /** How many kinds of write randomWrite picks from (set by its first call). */
  let kinds = 0;
  /** What the writes that report per item (bulk suspend, batch revokes) really changed. */
  const effects = { bulkSuspended: 0, sessionsRevoked: 0, appsRevoked: 0 };

  /** A control API call; 404 and 409 are expected outcomes of a random choice, as a route's 409 is. */
  async function controlWrite(sb: RunningSandbox, path: string, body: unknown): Promise<void> {
    const res = await control(sb, 'POST', path, body);
    if (res.status === 200) return;
    throw Object.assign(new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`), { status: res.status === 404 ? 409 : res.status });
  }

  /** One random write; a route error (409) is an expected outcome of a random choice. */
  async function randomWrite(sb: RunningSandbox, dbx: Dropbox, rnd: Random, n: number, succeeded: number[]): Promise<number> {
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
      // Bulk suspend changes many members in one write; its job then reports what it did.
      async () => {
        const picked = new Set<string>();
        const tries = rnd.int(1, 5);
        for (let i = 0; i < tries; i++) {
          // Sometimes an active Team admin, so the active-admin index moves too.
          const admins = store.activeTeamAdmins().filter((a) => a !== members[0]);
          const who = admins.length > 0 && rnd.chance(0.2) ? admins[rnd.int(0, admins.length - 1)] : members[rnd.int(1, members.length - 1)];
          picked.add(who.teamMemberId);
        }
        const launched = await dbx.teamMembersBulkSuspend({
          members: [...picked].map((id, i) => ({ client_item_id: `row${i}`, suspend_arg: { user: byId(id), wipe_data: rnd.chance(0.5) } })),
        });
        if (launched.result['.tag'] !== 'async_job_id') throw new Error('bulk_suspend did not launch a job');
        const status = await dbx.teamMembersBulkSuspendJobStatusCheck({ async_job_id: launched.result.async_job_id });
        if (status.result['.tag'] !== 'complete') throw new Error(`bulk_suspend job is ${status.result['.tag']} with no job delay`);
        expect(status.result.suspended + status.result.failed).toBe(picked.size);
        effects.bulkSuspended += status.result.suspended;
      },
      () => dbx.teamMembersDeleteFormerMemberFiles({ user: byId(withStatus('removed').teamMemberId) }),
      async () => {
        const items: team.RevokeDeviceSessionArg[] = [];
        for (let i = rnd.int(1, 3); i > 0; i--) {
          const owner = members[rnd.int(1, members.length - 1)];
          const live = owner.devices.filter((d) => !d.wiped);
          const d = live.length > 0 ? live[rnd.int(0, live.length - 1)] : undefined;
          // A session that is not there fails its item only.
          const session_id = d?.sessionId ?? 'dbdsid:none';
          const team_member_id = owner.teamMemberId;
          if (d?.kind === 'desktop') items.push({ '.tag': 'desktop_client', session_id, team_member_id, delete_on_unlink: rnd.chance(0.5) });
          else if (d?.kind === 'mobile') items.push({ '.tag': 'mobile_client', session_id, team_member_id });
          else items.push({ '.tag': 'web_session', session_id, team_member_id });
        }
        const res = await dbx.teamDevicesRevokeDeviceSessionBatch({ revoke_devices: items });
        effects.sessionsRevoked += res.result.revoke_devices_status.filter((r) => r.success).length;
      },
      async () => {
        const items: team.RevokeLinkedApiAppArg[] = [];
        for (let i = rnd.int(1, 3); i > 0; i--) {
          const owner = members[rnd.int(1, members.length - 1)];
          const app = owner.linkedApps.length > 0 ? owner.linkedApps[rnd.int(0, owner.linkedApps.length - 1)] : undefined;
          items.push({ app_id: app?.appId ?? 'dbaid:none', team_member_id: owner.teamMemberId, keep_app_folder: rnd.chance(0.8) });
        }
        const res = await dbx.teamLinkedAppsRevokeLinkedAppBatch({ revoke_linked_app: items });
        effects.appsRevoked += res.result.revoke_linked_app_status.filter((r) => r.success).length;
      },
      // Team states: licenses (sometimes exactly full, from the incremental count), sharing, persistent ids.
      () =>
        controlWrite(sb, 'team', {
          ...(rnd.chance(0.2) ? { full: true } : { numLicensedUsers: store.provisionedCount() + rnd.int(0, 30) }),
          externalSharingOff: rnd.chance(0.3),
          persistentIdDisabled: rnd.chance(0.15),
        }),
      () =>
        controlWrite(sb, 'members/state', {
          team_member_id: m.teamMemberId,
          legalHold: rnd.chance(0.2),
          mustSignTos: rnd.chance(0.2),
          ...(m.status === 'invited' ? {} : { emailVerified: rnd.chance(0.8) }),
          ...(rnd.chance(0.3) ? { filesTransferring: m.status === 'removed' && rnd.chance(0.5) } : {}),
        }),
    ];
    kinds = calls.length;
    const pick = rnd.int(0, calls.length - 1);
    try {
      await calls[pick]();
      succeeded[pick] = (succeeded[pick] ?? 0) + 1;
    } catch (err) {
      if ((err as { status?: number }).status !== 409) throw err;
    }
    return pick;
  }

  const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  /**
   * The team as the change log alone rebuilds it: every logged record applied,
   * as a reload would, to a copy taken at the last whole save. Checked after
   * each write, so a member changed without being touched shows up at once,
   * before a later write of the same member could log it by chance.
   */
  function shadowOf(store: TeamStore): { state: () => SandboxState } {
    let shadow = clone(store.state);
    store.onChange((change) => {
      if (!change) {
        shadow = clone(store.state);
        return;
      }
      const idx = replayIndex(shadow);
      // Copied now, as the log line is written now: the live records go on changing.
      applyChange(shadow, idx, clone(change));
      finishReplay(idx);
    });
    return { state: () => shadow };
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
      Object.assign(effects, { bulkSuspended: 0, sessionsRevoked: 0, appsRevoked: 0 });
      // A change made outside a tracked write (control API) saves the whole team once, then the log goes on.
      const invited = sb.sandbox.store.state.members.find((m) => m.status === 'invited')!;
      expect((await control(sb, 'POST', 'invites/accept', { team_member_id: invited.teamMemberId })).status).toBe(200);
      const succeeded: number[] = [];
      const logged = shadowOf(sb.sandbox.store);
      for (let n = 0; n < 700; n++) {
        const kind = await randomWrite(sb, dbx, rnd, n, succeeded);
        const now = sb.sandbox.store;
        expect(clone(logged.state()), `write ${n} (kind ${kind}) logged all it changed`).toEqual(clone(now.state));
        // An index gone stale stays stale (a later lookup re-keys from the member as it is), so every few writes is enough.
        if (n % 5 === 0) expect(answers(now), `write ${n} (kind ${kind}) kept the indexes right`).toEqual(answers(new TeamStore(clone(now.state))));
      }
      // Every kind of write succeeded several times, so each was really checked.
      for (let k = 0; k < kinds; k++) expect(succeeded[k] ?? 0, `write kind ${k}`).toBeGreaterThanOrEqual(3);
      // The writes that report per item really changed something, not only failed their items.
      expect(effects.bulkSuspended).toBeGreaterThanOrEqual(3);
      expect(effects.sessionsRevoked).toBeGreaterThanOrEqual(3);
      expect(effects.appsRevoked).toBeGreaterThanOrEqual(3);
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
  }, 120_000);
});
