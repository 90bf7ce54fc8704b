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

/**
 * The session token, from `Authorization: Bearer …` only: a token in a URL
 * would stay in history. EventSource and downloads, which cannot set a
 * header, use tickets instead (tickets.ts).
 */
export function presentedToken(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer ([A-Za-z0-9_-]+)$/)?.[1];
}

export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
