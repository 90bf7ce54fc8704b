import type { SandboxApp } from './apps.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * RFC 8252 native-app redirects: plain http to a loopback address, any port.
 * No user info and no fragment, so the code cannot leak into another origin.
 */
export function isLoopbackRedirect(uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname) && !u.username && !u.password && !u.hash && !uri.includes('#');
}

/** A redirect the app may use: registered exactly, or any loopback URL. */
export function redirectAllowed(app: SandboxApp, uri: string): boolean {
  return app.redirectUris.includes(uri) || isLoopbackRedirect(uri);
}
