/**
 * What an admin does in the browser on the (sandbox's) Dropbox consent page,
 * with plain fetch: open the authorize URL, pick the Team admin, press Allow.
 */

function unescapeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

export interface ConsentPage {
  status: number;
  html: string;
  /** Absolute URL the form posts to. */
  action: string;
  request: string;
  /** The first admin whose option reads "… · Team admin". */
  teamAdminId: string;
}

export async function openConsent(authorizeUrl: string): Promise<ConsentPage> {
  const res = await fetch(authorizeUrl);
  const html = await res.text();
  const action = html.match(/<form[^>]*action="([^"]*)"/)?.[1];
  const request = html.match(/<input[^>]*name="request"[^>]*value="([^"]*)"/)?.[1];
  const options = [...html.matchAll(/<option value="([^"]*)">([^<]*)<\/option>/g)].map((m) => ({ id: unescapeEntities(m[1]), label: unescapeEntities(m[2]) }));
  const admin = options.find((o) => o.label.endsWith('· Team admin'));
  if (!res.ok || !action || !request || !admin) throw new Error(`No consent form (HTTP ${res.status}): ${html.slice(0, 300)}`);
  return { status: res.status, html, action: new URL(unescapeEntities(action), authorizeUrl).href, request: unescapeEntities(request), teamAdminId: admin.id };
}

/** Presses Allow as the Team admin. The answer is a 302 to the redirect URI, or the page with the code to paste. */
export async function allow(authorizeUrl: string): Promise<Response> {
  const page = await openConsent(authorizeUrl);
  return fetch(page.action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request: page.request, admin: page.teamAdminId, decision: 'allow' }).toString(),
    redirect: 'manual',
  });
}

/** Allow, then the code the page shows (paste flow). */
export async function allowAndReadCode(authorizeUrl: string): Promise<string> {
  const res = await allow(authorizeUrl);
  const html = await res.text();
  const code = html.match(/<input id="code" readonly value="([^"]*)"/)?.[1];
  if (res.status !== 200 || !code) throw new Error(`No code shown (HTTP ${res.status}): ${html.slice(0, 300)}`);
  return unescapeEntities(code);
}

/** Allow, then where Dropbox sends the browser (the loopback redirect with code and state). */
export async function allowAndReadRedirect(authorizeUrl: string): Promise<URL> {
  const res = await allow(authorizeUrl);
  await res.body?.cancel();
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`Expected a redirect, got HTTP ${res.status}`);
  return new URL(location);
}
