import type { IncomingMessage } from 'node:http';

/**
 * A loopback name with an optional port, and nothing else: a looser reading
 * ("up to the first colon") took `localhost:80@evil.example`,
 * `[::1]evil.example` and `localhost:80.evil.example` for this machine.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/**
 * The server only listens on 127.0.0.1, but a web page whose DNS name was
 * rebound to 127.0.0.1 still reaches it, with its own name in Host. Browsers
 * always send Host, so a foreign, malformed or missing one is refused.
 */
export function hasLoopbackHost(req: IncomingMessage): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && LOOPBACK_HOST.test(host);
}

/**
 * A browser page can still send simple cross-site POSTs; those carry its
 * Origin. Any page of any other local web server is such a page, so only the
 * origins given (the app's own, or --allow-origin) pass. Non-browser clients
 * (tests, scripts, the SDK) send none.
 */
export function hasAllowedOrigin(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const origin = req.headers.origin;
  return origin === undefined || allowed.has(origin);
}
