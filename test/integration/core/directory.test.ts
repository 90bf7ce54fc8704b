import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '../../../main/sandbox/index.js';
import { refreshTokenKey } from '../../../main/core/auth/sign-in.js';
import { SYNC_PROGRESS_EVERY_MS } from '../../../main/core/directory/directory.js';
import { startCore, type CoreFixture } from './core-fixture.js';

const TEAM_SIZE = 2500;
let core: CoreFixture;
let sb: RunningSandbox;

const listCalls = () => sb.sandbox.log.list().filter((r) => r.route.startsWith('team/members/list')).length;
const members = () => sb.sandbox.store.state.members;

beforeAll(async () => {
  core = await startCore({ members: TEAM_SIZE });
  sb = core.service.sandboxTeam!;
});
afterAll(() => core.service.close());

describe('sandbox connection', () => {
  it('signs in through OAuth PKCE with its own tokens, not the sandbox CLI token', async () => {
    const summary = await core.service.getActiveConnection();
    expect(summary).toMatchObject({ id: 'sandbox', kind: 'sandbox', state: 'connected', admin: { name: 'Sam Admin' } });
    expect(summary?.teamName).toBeTruthy();
    // Only the refresh token is kept, and only in the SecretStore; the access token lives in memory.
    const refresh = await core.secrets.get(refreshTokenKey('sandbox'));
    expect(refresh).toMatch(/^tkr-/);
    expect(sb.sandbox.tokens.lookupRefresh(refresh!)).toBeTruthy();
    // The summary the renderer sees carries no token.
    expect(JSON.stringify(summary)).not.toContain(refresh);
  });
});

describe('directory sync', () => {
  it('lists every member across list_v2 pages and reports progress', async () => {
    const expected = members().filter((m) => m.status !== 'removed');
    const snap = await core.service.getDirectory({ includeRemoved: false });
    expect(snap.members).toHaveLength(expected.length);
    expect(snap.members.length).toBeGreaterThan(2000);
    expect(new Set(snap.members.map((m) => m.id)).size).toBe(snap.members.length);
    expect(snap.members.some((m) => m.status === 'removed')).toBe(false);

    const sync = core.events.filter((e) => e.type === 'directory.sync');
    expect(sync[0]).toMatchObject({ phase: 'started', loaded: 0 });
    // The first page's count at once, then rising counts (at most ten a second, so not necessarily one per page).
    const counts = sync.filter((e) => e.phase === 'progress').map((e) => e.loaded);
    expect(counts[0]).toBe(1000);
    counts.slice(1).forEach((n, i) => expect(n).toBeGreaterThan(counts[i]));
    expect(counts.at(-1)).toBeLessThanOrEqual(expected.length);
    expect(sync.at(-1)).toMatchObject({ phase: 'done', loaded: expected.length, connectionId: 'sandbox' });
  });

  it('counts pages at most ten times a second, the first at once: each count wakes the browser while the sync runs', async () => {
    const seen: Array<{ loaded: number; at: number }> = [];
    const off = core.service.onEvent((e) => {
      if (e.type === 'directory.sync' && e.phase === 'progress') seen.push({ loaded: e.loaded, at: performance.now() });
    });
    // Three pages some 40 ms apart: one event per page would be three within about 100 ms.
    sb.sandbox.config.latencyMs = 40;
    try {
      await core.service.refreshDirectory({ includeRemoved: false });
    } finally {
      sb.sandbox.config.latencyMs = 0;
      off();
    }
    expect(seen[0].loaded).toBe(1000);
    seen.slice(1).forEach((e, i) => expect(e.at - seen[i].at).toBeGreaterThanOrEqual(SYNC_PROGRESS_EVERY_MS));
    expect(seen.length).toBeLessThan(3);
    expect(core.events.filter((e) => e.type === 'directory.sync').at(-1)).toMatchObject({ phase: 'done', loaded: members().filter((m) => m.status !== 'removed').length });
  });

  it('maps Dropbox profiles to rows faithfully', async () => {
    const snap = await core.service.getDirectory({ includeRemoved: false });
    const admin = snap.members.find((m) => m.name === 'Sam Admin')!;
    const model = members().find((m) => m.teamMemberId === admin.id)!;
    expect(admin).toMatchObject({ email: model.email, status: 'active', givenName: 'Sam', surname: 'Admin', roleIds: model.roleIds, membershipType: model.membershipType });
    expect(admin.joinedOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const invited = snap.members.find((m) => m.status === 'invited')!;
    expect(invited.invitedOn).toBeTruthy();
    const suspended = snap.members.find((m) => m.status === 'suspended')!;
    expect(suspended.suspendedOn).toBeTruthy();
  });

  it('carries the team roles and groups with names', async () => {
    const snap = await core.service.getDirectory({ includeRemoved: false });
    expect(snap.roles.map((r) => r.name)).toContain('Team admin');
    expect(snap.groups.length).toBe(sb.sandbox.store.state.groups.length);
    const grouped = snap.members.find((m) => m.groupIds.length > 0)!;
    expect(snap.groups.map((g) => g.id)).toContain(grouped.groupIds[0]);
  });

  it('answers from the cache without calling Dropbox again', async () => {
    const before = listCalls();
    await core.service.getDirectory({ includeRemoved: false });
    expect(listCalls()).toBe(before);
  });

  it('shares one sync between concurrent refreshes', async () => {
    const before = listCalls();
    const [a, b] = await Promise.all([core.service.refreshDirectory({ includeRemoved: false }), core.service.refreshDirectory({ includeRemoved: false })]);
    expect(a).toBe(b);
    expect(listCalls() - before).toBe(Math.ceil(a.members.length / 1000));
  });

  it('includes removed members on demand, then narrows without a new sync', async () => {
    const all = await core.service.refreshDirectory({ includeRemoved: true });
    expect(all.members).toHaveLength(members().length);
    const removed = all.members.filter((m) => m.status === 'removed');
    expect(removed.length).toBeGreaterThan(0);
    for (const r of removed) expect(typeof r.recoverable).toBe('boolean');
    const before = listCalls();
    const narrowed = await core.service.getDirectory({ includeRemoved: false });
    expect(listCalls()).toBe(before);
    expect(narrowed.members).toHaveLength(all.members.length - removed.length);
  });

  it('sees changes made in Dropbox after a refresh', async () => {
    const target = members().find((m) => m.status === 'active' && m.roleIds.length === 0)!;
    const old = target.givenName;
    target.givenName = 'Renamed';
    sb.sandbox.store.changed();
    try {
      const snap = await core.service.refreshDirectory({ includeRemoved: false });
      expect(snap.members.find((m) => m.id === target.teamMemberId)?.givenName).toBe('Renamed');
    } finally {
      target.givenName = old;
      sb.sandbox.store.changed();
    }
  });

  it('answers a refresh of an unchanged team with an empty delta, and a change with just that member', async () => {
    // Synced now, so what the core holds is what the sandbox holds (an earlier test changed a member back).
    const held = await core.service.refreshDirectory({ includeRemoved: false });
    const unchanged = await core.service.syncDirectory({ includeRemoved: false, since: held.version });
    expect(unchanged).toMatchObject({ kind: 'delta', delta: { from: held.version, upserted: [], removed: [] } });
    if (unchanged.kind !== 'delta') throw new Error('expected a delta');
    expect(unchanged.delta.to).not.toBe(held.version);

    const target = members().find((m) => m.status === 'active' && m.roleIds.length === 0)!;
    const old = target.surname;
    target.surname = 'Changed';
    sb.sandbox.store.changed();
    core.events.length = 0;
    try {
      const changed = await core.service.syncDirectory({ includeRemoved: false, since: unchanged.delta.to });
      if (changed.kind !== 'delta') throw new Error('expected a delta');
      expect(changed.delta.upserted.map((m) => [m.id, m.surname])).toEqual([[target.teamMemberId, 'Changed']]);
      expect(changed.delta.removed).toEqual([]);
      // Every other renderer hears the same change as an event.
      expect(core.events.filter((e) => e.type === 'directory.delta')).toEqual([{ type: 'directory.delta', ...changed.delta }]);
    } finally {
      target.surname = old;
      sb.sandbox.store.changed();
    }
  });

  it('answers the whole snapshot to a caller holding another version', async () => {
    const update = await core.service.syncDirectory({ includeRemoved: false, since: 'some-other-run.1' });
    expect(update.kind).toBe('snapshot');
    if (update.kind === 'snapshot') expect(update.snapshot.members).toHaveLength(members().filter((m) => m.status !== 'removed').length);
  });

  it('rides out a transient 503 in the middle of paging', async () => {
    sb.sandbox.faults.add({ route: 'team/members/list/continue_v2', fault: 503, count: 1 });
    const snap = await core.service.refreshDirectory({ includeRemoved: false });
    expect(snap.members).toHaveLength(members().filter((m) => m.status !== 'removed').length);
  });
});

describe('member detail', () => {
  it('combines profile, roles, groups, devices, linked apps and file usage', async () => {
    const model = members().find((m) => m.status === 'active' && m.devices.length > 0 && m.linkedApps.length > 0)!;
    const detail = await core.service.getMemberDetail({ memberId: model.teamMemberId });
    expect(detail.member.email).toBe(model.email);
    expect(detail.devices.length).toBe(model.devices.filter((d) => !d.wiped).length);
    expect(detail.devices[0]).toMatchObject({ sessionId: expect.any(String), name: expect.any(String) });
    expect(detail.linkedApps.map((a) => a.appName).sort()).toEqual(model.linkedApps.map((a) => a.appName).sort());
    // The sandbox's own figure for a member who kept their files and received none.
    const holder = members().find((m) => m.status === 'active' && m.files.files > 0 && !m.files.deleted && !m.files.transferredTo && m.files.received.length === 0)!;
    const usage = await core.service.getMemberDetail({ memberId: holder.teamMemberId });
    expect(usage.fileUsage).toEqual({ files: holder.files.files, bytes: holder.files.bytes });
    const snap = await core.service.getDirectory({ includeRemoved: false });
    const names = new Map(snap.groups.map((g) => [g.id, g.name]));
    expect(detail.groups.map((g) => g.name)).toEqual(detail.member.groupIds.map((id) => names.get(id)));
  });

  it('shows the admin role by name', async () => {
    const admin = members()[0];
    const detail = await core.service.getMemberDetail({ memberId: admin.teamMemberId });
    expect(detail.roles.map((r) => r.name)).toEqual(['Team admin']);
  });

  it('shows a removed member without sessions rather than failing', async () => {
    const removed = members().find((m) => m.status === 'removed')!;
    const detail = await core.service.getMemberDetail({ memberId: removed.teamMemberId });
    expect(detail.member.status).toBe('removed');
    expect(detail.devices).toEqual([]);
    expect(detail.linkedApps).toEqual([]);
  });

  it('says clearly when the member does not exist', async () => {
    await expect(core.service.getMemberDetail({ memberId: 'dbmid:nobody' })).rejects.toMatchObject({ code: 'member_not_found' });
  });
});

describe('sync failure', () => {
  it('reports an error event and a mapped error when Dropbox refuses the token', async () => {
    const fresh = await startCore({ members: 30 });
    try {
      fresh.service.sandboxTeam!.sandbox.tokens.clear();
      await expect(fresh.service.refreshDirectory({ includeRemoved: false })).rejects.toMatchObject({ code: 'needs_reauth', dropboxTag: 'invalid_access_token' });
      const sync = fresh.events.filter((e) => e.type === 'directory.sync');
      expect(sync.at(-1)).toMatchObject({ phase: 'error', error: { code: 'needs_reauth' } });
      // The sandbox needs no admin to sign in: it does so again at once, and the next sync works.
      const states = () => fresh.events.flatMap((e) => (e.type === 'connection.state' ? [e.connection.state] : []));
      for (let i = 0; i < 100 && states().at(-1) !== 'connected'; i++) await new Promise((r) => setTimeout(r, 20));
      expect(states().slice(-3)).toEqual(['needs_reauth', 'connecting', 'connected']);
      await expect(fresh.service.refreshDirectory({ includeRemoved: false })).resolves.toMatchObject({ connectionId: 'sandbox' });
    } finally {
      await fresh.service.close();
    }
  });
});
