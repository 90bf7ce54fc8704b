import type { RunningSandbox } from '../../../main/sandbox/index.js';

/** Calls the sandbox control API; `body` is sent as JSON when given (a POST is JSON even when empty). */
export async function control(sb: Pick<RunningSandbox, 'url'>, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(`${sb.url}/__sandbox/${path}`, {
    method,
    headers: body === undefined && method !== 'POST' ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
}
