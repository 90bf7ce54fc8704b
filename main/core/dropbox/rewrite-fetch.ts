/** Where the SDK always sends requests; see shared/dropbox-team-api.md. */
export const DROPBOX_API_ORIGIN = 'https://api.dropboxapi.com';
export const DROPBOX_WWW_ORIGIN = 'https://www.dropbox.com';

/**
 * A fetch for the Dropbox SDK that sends api.dropboxapi.com traffic to
 * `baseUrl` instead (the sandbox). The SDK's `domain` option cannot do this:
 * it also rewrites the token URL wrongly.
 */
export function rewritingFetch(baseUrl: string, inner: typeof fetch = fetch): typeof fetch {
  const base = baseUrl.replace(/\/+$/, '');
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const target = url.startsWith(DROPBOX_API_ORIGIN) ? base + url.slice(DROPBOX_API_ORIGIN.length) : url;
    return inner(target, init);
  };
}

/** The SDK's getAuthenticationUrl answers with the bare domain, without www. */
export const DROPBOX_BARE_ORIGIN = 'https://dropbox.com';

/** The authorize page lives on (www.)dropbox.com; for the sandbox it is served by the emulator. */
export function rewriteAuthorizeUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  for (const origin of [DROPBOX_WWW_ORIGIN, DROPBOX_BARE_ORIGIN]) {
    if (url.startsWith(origin + '/')) return base + url.slice(origin.length);
  }
  return url;
}
