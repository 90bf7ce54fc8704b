import type { team } from 'dropbox';
import { startSandbox } from '../../main/sandbox/index.js';
import { sdkFor } from '../support/sandbox-client.js';

const MEMBERS = 50_000;
const PAGE = 1000;
const ROUNDS = 3;

interface Round {
  members: number;
  ms: number;
}

/** Lists every member over plain fetch + JSON.parse: the sandbox's own cost. */
async function listRaw(url: string, token: string): Promise<Round> {
  const t0 = performance.now();
  const call = async (route: string, arg: unknown): Promise<team.MembersListV2Result> => {
    const res = await fetch(`${url}/2/${route}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(arg) });
    if (res.status !== 200) throw new Error(`${route} answered ${res.status}: ${await res.text()}`);
    return JSON.parse(await res.text()) as team.MembersListV2Result;
  };
  let page = await call('team/members/list_v2', { limit: PAGE });
  let members = page.members.length;
  while (page.has_more) {
    page = await call('team/members/list/continue_v2', { cursor: page.cursor });
    members += page.members.length;
  }
  return { members, ms: performance.now() - t0 };
}

/** The same listing through the real SDK, as the app does it. */
async function listSdk(sb: { url: string; accessToken: string }): Promise<Round> {
  const dbx = sdkFor(sb);
  const t0 = performance.now();
  let page = (await dbx.teamMembersListV2({ limit: PAGE })).result;
  let members = page.members.length;
  while (page.has_more) {
    page = (await dbx.teamMembersListContinueV2({ cursor: page.cursor })).result;
    members += page.members.length;
  }
  return { members, ms: performance.now() - t0 };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * members/list_v2 + continue_v2 over a 50,000-member sandbox, in pages of
 * 1,000: raw HTTP (baseline) against the real SDK. Prints the median of
 * ROUNDS after one warm-up round each.
 */
export default async function bench(): Promise<void> {
  const t0 = performance.now();
  const sb = await startSandbox({ members: MEMBERS, seed: 1 });
  const seedMs = performance.now() - t0;
  try {
    console.log(`seeding + starting a ${fmt(MEMBERS)}-member sandbox: ${fmt(seedMs)} ms`);
    await listRaw(sb.url, sb.accessToken);
    await listSdk(sb);
    const raw: Round[] = [];
    const sdk: Round[] = [];
    // Interleaved so drift (GC, other load) hits both sides alike.
    for (let i = 0; i < ROUNDS; i++) {
      raw.push(await listRaw(sb.url, sb.accessToken));
      sdk.push(await listSdk(sb));
    }
    const listed = raw[0].members;
    if (sdk.some((r) => r.members !== listed) || raw.some((r) => r.members !== listed)) throw new Error('rounds listed different member counts');
    const rawRate = listed / (median(raw.map((r) => r.ms)) / 1000);
    const sdkRate = listed / (median(sdk.map((r) => r.ms)) / 1000);
    console.log(`listed ${fmt(listed)} members (removed ones excluded) in pages of ${fmt(PAGE)}, median of ${ROUNDS} rounds`);
    console.log(`raw fetch + JSON.parse: ${fmt(rawRate)} members/s (${fmt(median(raw.map((r) => r.ms)))} ms per full listing)`);
    console.log(`real SDK:               ${fmt(sdkRate)} members/s (${fmt(median(sdk.map((r) => r.ms)))} ms per full listing)`);
    console.log(`SDK / raw ratio: ${(sdkRate / rawRate).toFixed(2)}`);
  } finally {
    await sb.close();
  }
}
