import { Dropbox, DropboxAuth, type team } from 'dropbox';
import type { Member } from '../../main/sandbox/model/types.js';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../main/sandbox/index.js';
import { rewritingFetch } from '../../main/core/dropbox/rewrite-fetch.js';

/** The real SDK pointed at a sandbox through the same fetch rewrite the app uses. */
export function sdkFor(sb: Pick<RunningSandbox, 'url' | 'accessToken'>, accessToken = sb.accessToken): Dropbox {
  const auth = new DropboxAuth({ accessToken, fetch: rewritingFetch(sb.url) });
  return new Dropbox({ auth });
}

/** Raw POST to the sandbox, for wire-level checks the SDK would hide. */
export async function rawCall(sb: RunningSandbox, route: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sb.url}/2/${route}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sb.accessToken}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body,
  });
}

/** Status and parsed body of an SDK error, for asserting on tags. */
export async function sdkError(p: Promise<unknown>): Promise<{ status: number; error: any; headers: any }> {
  try {
    await p;
  } catch (e: any) {
    return { status: e.status, error: e.error, headers: e.headers };
  }
  throw new Error('expected the call to fail');
}

export async function withSandbox(opts: StartOptions = {}): Promise<RunningSandbox & { dbx: Dropbox }> {
  const sb = await startSandbox(opts);
  return Object.assign(sb, { dbx: sdkFor(sb) });
}

/** Selects a sandbox member by team_member_id, as a route argument. */
export function byId(m: Pick<Member, 'teamMemberId'>): team.UserSelectorArg {
  return { '.tag': 'team_member_id', team_member_id: m.teamMemberId };
}

/** The route error tag of a call that must fail with 409. */
export async function routeErrorTag(p: Promise<unknown>): Promise<string> {
  const e = await sdkError(p);
  if (e.status !== 409) throw new Error(`expected a 409 route error, got HTTP ${e.status}`);
  return e.error.error['.tag'];
}
