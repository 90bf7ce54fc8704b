import { Dropbox, DropboxAuth } from 'dropbox';
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
