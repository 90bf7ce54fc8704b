import { describe, expect, it } from 'vitest';
import {
  canHearAboutTransfer,
  canReceiveFiles,
  colleagueNamed,
  colleaguesWhere,
  matchColleagues,
  MAX_MATCHES,
  pickerStatus,
} from '../../../../renderer/src/features/member-actions/forms/colleague-choices.js';
import { memberRow, ROLES } from '../member-fixtures.js';

const leaver = memberRow({ name: 'Lee Leaver' });
const rita = memberRow({ name: 'Rita Receiver' });
const chloe = memberRow({ name: 'Chloé Durand', email: 'chloe.d@example.com' });
const ada = memberRow({ name: 'Ada Admin', roleIds: [ROLES[0].id] });
const unverified = memberRow({ name: 'Uma Unverified', emailVerified: false });
const suspendedAdmin = memberRow({ name: 'Sid Suspended', status: 'suspended', roleIds: [ROLES[0].id] });
const invited = memberRow({ name: 'Ivy Invited', status: 'invited' });
const removed = memberRow({ name: 'Rob Removed', status: 'removed', recoverable: true });
const leavingAdmin = memberRow({ name: 'Lou Leaving', roleIds: [ROLES[1].id] });
const team = [leaver, rita, chloe, ada, unverified, suspendedAdmin, invited, removed, leavingAdmin];

describe('choosing a colleague for a transfer', () => {
  it('offers as recipients only active, verified members other than the leaver', () => {
    const names = colleaguesWhere(team, (m) => canReceiveFiles(m, leaver.id)).map((c) => c.row.name);
    expect(names).toEqual(['Rita Receiver', 'Chloé Durand', 'Ada Admin', 'Lou Leaving']);
  });

  it('offers as the admin told about errors only active members with an admin role, never the leaver', () => {
    expect(colleaguesWhere(team, (m) => canHearAboutTransfer(m, leaver.id)).map((c) => c.row.name)).toEqual(['Ada Admin', 'Lou Leaving']);
    expect(colleaguesWhere(team, (m) => canHearAboutTransfer(m, leavingAdmin.id)).map((c) => c.row.name)).toEqual(['Ada Admin']);
  });

  it('matches every typed word against name and email, ignoring case and accents', () => {
    const all = colleaguesWhere(team, (m) => canReceiveFiles(m, leaver.id));
    expect(matchColleagues(all, 'chloe').matches.map((c) => c.row.name)).toEqual(['Chloé Durand']);
    expect(matchColleagues(all, 'RITA receiver@').matches.map((c) => c.row.name)).toEqual(['Rita Receiver']);
    expect(matchColleagues(all, 'admin').matches.map((c) => c.row.name)).toEqual(['Ada Admin']);
    expect(matchColleagues(all, 'nobody like this')).toEqual({ matches: [], total: 0 });
    expect(matchColleagues(all, '  ').total).toBe(all.length);
  });

  it(`lists at most ${MAX_MATCHES} matches of a big team and counts them all`, () => {
    const many = Array.from({ length: 5_000 }, (_, i) => memberRow({ name: `Person Number${i}` }));
    const all = colleaguesWhere(many, (m) => canReceiveFiles(m, undefined));
    const { matches, total } = matchColleagues(all, 'number1');
    expect(total).toBe(1 + 10 + 100 + 1000);
    expect(matches).toHaveLength(MAX_MATCHES);
    expect(matches[0].row.name).toBe('Person Number1');
  });

  it('recognises a typed email (any case) or member id as the colleague it names, and nothing else', () => {
    const all = colleaguesWhere(team, (m) => canReceiveFiles(m, leaver.id));
    expect(colleagueNamed(all, ` ${rita.email.toUpperCase()} `)?.row.id).toBe(rita.id);
    expect(colleagueNamed(all, chloe.id)?.row.name).toBe('Chloé Durand');
    expect(colleagueNamed(all, unverified.email)).toBeUndefined();
    expect(colleagueNamed(all, 'rita')).toBeUndefined();
    expect(colleagueNamed(all, '')).toBeUndefined();
  });

  it('says under the field how many can be chosen, how many match, or who is chosen', () => {
    const all = colleaguesWhere(team, (m) => canReceiveFiles(m, leaver.id));
    const say = (value: string) => {
      const { total } = matchColleagues(all, value);
      return pickerStatus(all.length, value, colleagueNamed(all, value), total);
    };
    expect(say('')).toBe('4 members can be chosen: type a name or email.');
    expect(say('a')).toBe('4 members match: pick one from the list.');
    expect(say('chlo')).toBe('1 member matches: pick one from the list.');
    expect(say(rita.email)).toBe(`Chosen: Rita Receiver (${rita.email}).`);
    expect(say('zzz')).toBe('No member who can be chosen matches.');
    expect(pickerStatus(60_000, 'person', undefined, 1_234)).toMatch(/^1.234 members match: the first 50 are listed, type more to narrow\.$/);
  });
});
