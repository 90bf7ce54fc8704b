import { rewriteAuthorizeUrl } from '../dropbox/rewrite-fetch.js';
import { AppError } from '../errors.js';
import { codeFromRedirect, type PendingAuthorization } from './pkce.js';

function hiddenField(html: string, name: string): string | undefined {
  const input = html.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0];
  return input?.match(/value="([^"]*)"/)?.[1];
}

function firstOption(html: string, selectName: string): string | undefined {
  const select = html.match(new RegExp(`<select[^>]*name="${selectName}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  return select?.match(/<option value="([^"]*)"/)?.[1];
}

/** The consent page escapes attribute values as numeric entities. */
function unescapeEntities(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

/**
 * For the built-in sandbox team the admin has already chosen to practise, so
 * the app answers the sandbox's consent page itself, as the team's first
 * admin. Everything around it (authorize URL, PKCE, code exchange) is the
 * same path a real team takes.
 */
export async function answerSandboxConsent(pending: PendingAuthorization, sandboxUrl: string): Promise<string> {
  const pageUrl = rewriteAuthorizeUrl(pending.url, sandboxUrl);
  const page = await fetch(pageUrl, { redirect: 'manual' });
  const html = await page.text();
  if (!page.ok) throw new AppError('auth_failed', `The sandbox refused the sign-in request (HTTP ${page.status}).`);
  const request = hiddenField(html, 'request');
  const admin = firstOption(html, 'admin');
  const action = html.match(/<form[^>]*action="([^"]*)"/)?.[1];
  if (!request || !admin || !action) throw new AppError('auth_failed', 'The sandbox consent page has no admin to sign in as.');

  const form = new URLSearchParams({ request: unescapeEntities(request), admin: unescapeEntities(admin), decision: 'allow' });
  const decided = await fetch(new URL(unescapeEntities(action), pageUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  await decided.body?.cancel();
  const location = decided.headers.get('location');
  if (decided.status !== 302 || !location) throw new AppError('auth_failed', `The sandbox did not grant access (HTTP ${decided.status}).`);
  return codeFromRedirect(location, pending);
}
