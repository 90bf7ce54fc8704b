/** The renderer's own origin in Electron (a privileged standard scheme served from out/renderer). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'teamkeeper';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

const MAX_URL_LENGTH = 2048;

function parse(raw: unknown): URL | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return undefined;
  // The URL parser quietly drops whitespace and control characters and reads "\" as "/": refuse instead of guessing.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0x5c || (c >= 0x80 && /\s/.test(raw[i]))) return undefined;
  }
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** A page of the app itself: app://teamkeeper/…, nothing else. */
export function isAppUrl(raw: unknown): boolean {
  const u = parse(raw);
  return !!u && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && !u.port && !u.username && !u.password;
}

/**
 * Links the app may hand to the system browser: https on dropbox.com or one
 * of its subdomains, default port, no credentials. Everything else (other
 * schemes, look-alike hosts, IPs, file:, javascript:) is refused, except
 * pages on `extraOrigins` exactly: the --dropbox-url the app was started
 * with, whose consent page stands in for dropbox.com's.
 */
export function isTrustedExternalUrl(raw: unknown, extraOrigins: readonly string[] = []): boolean {
  const u = parse(raw);
  if (!u || u.username || u.password) return false;
  if ((u.protocol === 'https:' || u.protocol === 'http:') && extraOrigins.includes(u.origin)) return true;
  if (u.protocol !== 'https:' || u.port) return false;
  const host = u.hostname;
  return host === 'dropbox.com' || host.endsWith('.dropbox.com');
}
