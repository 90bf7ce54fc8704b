import type { Device, Group, LinkedApp, Member, SandboxState } from './types.js';
import { Random } from './random.js';
import { DAY_MS } from './clock.js';
import { ROLES } from './roles.js';
import { accountIdFor } from './account-id.js';
import { activityRandom, guaranteeActivity, seedActivity } from './seed-activity.js';
import { seedStates } from './seed-states.js';

export interface SeedOptions {
  seed?: number;
  /** Number of members; default 40, a realistic small company. */
  members?: number;
  /**
   * Seeding "now". Defaults to the start of today (UTC): the same seed gives the
   * same team all day, and seeded dates (joined, invited, removed) stay
   * realistic relative to the sandbox clock, so a seeded removal is still
   * inside its 7-day recover window.
   */
  now?: number;
}

const GIVEN = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Emma', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jo', 'Kwame', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wei', 'Xenia', 'Yusuf', 'Zoë', 'Łucja', 'Søren', 'Aoife', 'José'];
const SURNAME = ['Andersen', 'Brown', 'Chen', 'Dubois', 'Evans', 'Fischer', 'García', 'Hansen', 'Ivanova', 'Jones', 'Kowalski', 'López', 'Müller', 'Nakamura', 'O’Brien', 'Patel', 'Quispe', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Virtanen', 'Williams', 'Xu', 'Yilmaz', 'Zhang', 'Nguyen', 'de la Cruz', 'Smith', 'Okafor'];
const GROUPS: Array<[string, Group['managementType']]> = [
  ['Engineering', 'company_managed'],
  ['Sales', 'company_managed'],
  ['Marketing', 'user_managed'],
  ['Finance', 'company_managed'],
  ['Design', 'user_managed'],
  ['Support', 'user_managed'],
];
const APPS: Array<Omit<LinkedApp, 'linked'>> = [
  { appId: 'dbaid:tk-slack', appName: 'Slack', isAppFolder: false, publisher: 'Slack Technologies', publisherUrl: 'https://slack.com' },
  { appId: 'dbaid:tk-zoom', appName: 'Zoom', isAppFolder: true, publisher: 'Zoom Video', publisherUrl: 'https://zoom.us' },
  { appId: 'dbaid:tk-backup', appName: 'Nightly Backup Script', isAppFolder: true },
  { appId: 'dbaid:tk-canva', appName: 'Canva', isAppFolder: false, publisher: 'Canva', publisherUrl: 'https://canva.com' },
];

/**
 * A deterministic team. Member 0 is the Team admin who "generated" the sandbox
 * token; members 1 and 2 hold other admin roles. Statuses are mixed: mostly
 * active, some invited, suspended and recently removed.
 */
export function seedState(opts: SeedOptions = {}): SandboxState {
  const seed = opts.seed ?? 1;
  const count = Math.max(1, opts.members ?? 40);
  const now = opts.now ?? Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const rnd = new Random(seed);
  const act = activityRandom(seed);
  const domain = 'example-sandbox.com';
  const members: Member[] = [];
  const usedEmails = new Set<string>();

  for (let i = 0; i < count; i++) {
    const givenName = i === 0 ? 'Sam' : rnd.pick(GIVEN);
    const surname = i === 0 ? 'Admin' : rnd.pick(SURNAME);
    let local = `${givenName}.${surname}`
      .normalize('NFD')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase();
    if (usedEmails.has(local)) local = `${local}${i}`;
    usedEmails.add(local);

    // The first members are fixed so every team, however small, shows each
    // status: three admins, then one invited, one suspended, one removed.
    const status = i < 3 ? 'active' : (FIXED_STATUSES[i - 3] ?? pickStatus(rnd));
    const joinedOn = now - rnd.int(30, 1500) * DAY_MS;
    const id = i.toString(36).padStart(6, '0');
    const m: Member = {
      teamMemberId: `dbmid:tk${seed.toString(36)}${id}`,
      accountId: accountIdFor(`tk${seed.toString(36)}${id}${rnd.hex(8)}`),
      email: `${local}@${domain}`,
      emailVerified: status !== 'invited',
      givenName,
      surname,
      membershipType: 'full',
      status,
      roleIds: i === 0 ? [ROLES[0].role_id] : i === 1 ? [ROLES[1].role_id] : i === 2 ? [ROLES[2].role_id] : [],
      memberFolderId: String(1000 + i * 2),
      rootFolderId: String(1001 + i * 2),
      files: { files: 0, bytes: 0, deleted: false, received: [] },
      devices: [],
      linkedApps: [],
      welcomeEmailsSent: status === 'invited' ? 1 : 0,
    };
    if (rnd.chance(0.7)) m.externalId = `EMP${String(1000 + i)}`;
    if (status === 'invited') {
      m.invitedOn = now - rnd.int(1, 20) * DAY_MS;
    } else {
      m.joinedOn = joinedOn;
      m.files = { files: rnd.int(10, 5000), bytes: rnd.int(1, 20_000) * 1_000_000, deleted: false, received: [] };
      m.devices = seedDevices(rnd, m, now);
      m.linkedApps = APPS.filter(() => rnd.chance(0.3)).map((a) => ({ ...a, linked: now - rnd.int(1, 300) * DAY_MS }));
    }
    if (status === 'suspended') m.suspendedOn = now - rnd.int(1, 60) * DAY_MS;
    if (status === 'removed') {
      // Removed "now": recoverable for the usual seven days.
      m.removal = { on: now - rnd.int(0, 2) * DAY_MS, isDisconnected: false, unrecoverable: false };
    }
    // Last-seen and invite times come from their own stream (seed-activity.ts).
    seedActivity(act, m, now);
    members.push(m);
  }

  const groups: Group[] = GROUPS.slice(0, Math.min(GROUPS.length, Math.max(1, Math.ceil(count / 8)))).map(
    ([name, managementType], gi) => ({
      groupId: `g:tk${seed.toString(36)}${gi.toString(16).padStart(24, '0')}`,
      name,
      managementType,
      created: now - rnd.int(100, 1000) * DAY_MS,
      members: [],
    }),
  );
  for (const m of members) {
    if (m.status === 'removed' || groups.length === 0) continue;
    const g = groups[rnd.int(0, groups.length - 1)];
    g.members.push({ teamMemberId: m.teamMemberId, accessType: g.members.length === 0 ? 'owner' : 'member' });
  }
  seedStates(members, groups, now);
  guaranteeActivity(act, members, now);

  return {
    version: 1,
    seed,
    team: {
      teamId: `dbtid:tk-sandbox-${seed}`,
      name: 'Sandbox Team (practice data)',
      // Some headroom over the seeded size so invites work until the license limit.
      numLicensedUsers: count + Math.max(5, Math.ceil(count * 0.1)),
    },
    members,
    groups,
    jobs: [],
    nextId: count,
    clockOffsetMs: 0,
  };
}

const FIXED_STATUSES: Member['status'][] = ['invited', 'suspended', 'removed'];

function pickStatus(rnd: Random): Member['status'] {
  const r = rnd.next();
  if (r < 0.82) return 'active';
  if (r < 0.9) return 'invited';
  if (r < 0.96) return 'suspended';
  return 'removed';
}

function seedDevices(rnd: Random, m: Member, now: number): Device[] {
  const out: Device[] = [];
  const n = rnd.int(0, 3);
  for (let d = 0; d < n; d++) {
    const kind = rnd.pick(['desktop', 'mobile', 'web'] as const);
    // created/updated are replaced by seed-activity.ts; these draws stay so that the rest of
    // a seed's team (names, statuses, groups) is what it was before activity was seeded.
    const created = now - rnd.int(10, 400) * DAY_MS;
    out.push({
      kind,
      sessionId: `dbdsid:tk${m.teamMemberId.slice(6)}${d}`,
      ipAddress: `192.0.2.${rnd.int(1, 254)}`,
      country: rnd.pick(['United States', 'Germany', 'United Kingdom', 'Japan', 'Brazil']),
      created,
      updated: created + rnd.int(0, 9) * DAY_MS,
      name: kind === 'desktop' ? `${m.givenName.toLowerCase()}-laptop` : kind === 'mobile' ? `${m.givenName}'s phone` : 'Firefox',
      platform: kind === 'desktop' ? rnd.pick(['windows', 'mac', 'linux']) : kind === 'mobile' ? rnd.pick(['iphone', 'android', 'ipad']) : rnd.pick(['Windows', 'macOS', 'Linux']),
      clientVersion: kind === 'web' ? undefined : `2${rnd.int(0, 9)}.${rnd.int(0, 9)}.${rnd.int(0, 99)}`,
      wiped: false,
    });
  }
  return out;
}
