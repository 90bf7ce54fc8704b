import type { IncomingMessage } from 'node:http';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host part of a Host header ("127.0.0.1:5000", "[::1]:5000", "localhost"). */
function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

/**
 * The server only listens on 127.0.0.1, but a web page whose DNS name was
 * rebound to 127.0.0.1 still reaches it, with its own name in Host. Browsers
 * always send Host, so a foreign or missing one is refused.
 */
export function hasLoopbackHost(req: IncomingMessage): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && LOOPBACK.has(hostName(host));
}

/**
 * A browser page on another origin can still send simple cross-site POSTs;
 * those carry its Origin. Non-browser clients send none.
 */
export function hasLoopbackOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK.has(u.hostname);
  } catch {
    return false;
  }
}
