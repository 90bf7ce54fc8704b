import type { Api, ApiMethod } from '../../../preload/contract.js';

/**
 * The Api of a running browser-mode app, called from the test as the renderer
 * calls it (POST /rpc with the run's token in a header): for setting up jobs
 * the test then watches in the UI.
 */
export function appRpc(appUrl: string) {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  if (!token) throw new Error('The app URL carries no token');
  return async function call<M extends ApiMethod>(method: M, arg?: Parameters<Api[M]>[0]): Promise<Awaited<ReturnType<Api[M]>>> {
    const res = await fetch(`${url.origin}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method, arg: arg ?? null }),
    });
    const body = (await res.json()) as { ok: boolean; result?: unknown; error?: unknown };
    if (!body.ok) throw new Error(`${method} failed: ${JSON.stringify(body.error)}`);
    return body.result as Awaited<ReturnType<Api[M]>>;
  };
}

/** The sandbox's control API (/__sandbox/…): latency, the request log. */
export async function sandboxControl<T = unknown>(sandboxUrl: string, path: string, method: 'GET' | 'POST' | 'DELETE' = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`${sandboxUrl}/__sandbox/${path}`, {
    method,
    headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {},
    body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined,
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
