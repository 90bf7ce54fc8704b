import type { team } from 'dropbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withSandbox } from '../../support/sandbox-client.js';
import { seedState } from '../../../main/sandbox/model/seed.js';
import { DAY_MS } from '../../../main/sandbox/model/clock.js';

type Sb = Awaited<ReturnType<typeof withSandbox>>;

const daysAgo = (now: number, iso: string) => Math.floor((now - Date.parse(iso)) / DAY_MS);

describe('sandbox: the seeded team’s activity, as the real SDK reads it', () => {
  let sb: Sb;
  let now: number;
  let profiles: team.TeamMemberProfile[];
  let lastSeen: Map<string, number>;

  beforeAll(async () => {
    sb = await withSandbox();
    now = sb.sandbox.store.clock.now();
    profiles = (await sb.dbx.teamMembersListV2({ limit: 1000 })).result.members.map((m) => m.profile);
    lastSeen = new Map();
    let page = (await sb.dbx.teamDevicesListMembersDevices({})).result;
    for (;;) {
      for (const d of page.devices) {
        const times = [...(d.web_sessions ?? []), ...(d.desktop_clients ?? []), ...(d.mobile_clients ?? [])].map((s) => Date.parse(s.updated!));
        lastSeen.set(d.team_member_id, Math.floor((now - Math.max(...times)) / DAY_MS));
      }
      if (!page.has_more) break;
      page = (await sb.dbx.teamDevicesListMembersDevices({ cursor: page.cursor })).result;
    }
  });
  afterAll(() => sb.close());

  it('has active members unseen for 30, 90 and 180+ days, recent ones, and some with no device at all', () => {
    const active = profiles.filter((p) => p.status['.tag'] === 'active');
    const days = active.map((p) => lastSeen.get(p.team_member_id));
    expect(days.some((d) => d !== undefined && d < 7)).toBe(true);
    expect(days.some((d) => d !== undefined && d >= 30 && d < 90)).toBe(true);
    expect(days.some((d) => d !== undefined && d >= 90 && d < 180)).toBe(true);
    expect(days.some((d) => d !== undefined && d >= 180)).toBe(true);
    expect(days.filter((d) => d === undefined).length).toBeGreaterThan(0);
    // Most of those with a device were seen this month.
    const seen = days.filter((d) => d !== undefined);
    expect(seen.filter((d) => d < 30).length).toBeGreaterThan(seen.length / 2);
  });

  it('never has a session seen before the member joined or after now', () => {
    let checked = 0;
    for (const p of profiles) {
      const d = lastSeen.get(p.team_member_id);
      if (d === undefined || !p.joined_on) continue;
      checked++;
      expect(d, p.email).toBeGreaterThanOrEqual(0);
      expect(d, p.email).toBeLessThanOrEqual(daysAgo(now, p.joined_on));
    }
    // Without this the loop could skip every member and the test pass having checked nobody.
    expect(checked).toBeGreaterThan(0);
  });

  it('has invites from this week and from months ago', () => {
    const ages = profiles.filter((p) => p.status['.tag'] === 'invited').map((p) => daysAgo(now, p.invited_on!));
    expect(Math.min(...ages)).toBeLessThan(7);
    expect(Math.max(...ages)).toBeGreaterThanOrEqual(30);
  });

  it('is the same team for the same seed, and another for another seed', () => {
    const at = Date.UTC(2026, 0, 15);
    const a = seedState({ seed: 4, members: 300, now: at });
    expect(seedState({ seed: 4, members: 300, now: at })).toEqual(a);
    expect(seedState({ seed: 5, members: 300, now: at }).members.map((m) => m.devices.map((d) => d.updated))).not.toEqual(a.members.map((m) => m.devices.map((d) => d.updated)));
  });
});
