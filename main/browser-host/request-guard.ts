import { timingSafeEqual } from 'node:crypto';

/**
 * The host's own origins. Only exact Host values are accepted: a page whose
 * DNS name was rebound to 127.0.0.1 sends its own name and is refused.
 */
export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isOwnHost(host: string | undefined, port: number): boolean {
  return typeof host === 'string' && ownHosts(port).includes(host.toLowerCase());
}

/** No Origin (same-origin GETs, non-browser clients) or exactly ours; anything else is another site. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return ownHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** The token from `Authorization: Bearer …` (RPC) or `?token=` (EventSource and downloads cannot set headers). */
export function presentedToken(authorization: string | undefined, url: URL): string | undefined {
  const bearer = authorization?.match(/^Bearer ([A-Za-z0-9_-]+)$/)?.[1];
  return bearer ?? url.searchParams.get('token') ?? undefined;
}

export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
