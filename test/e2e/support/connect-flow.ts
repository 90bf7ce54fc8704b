import type { BrowserContext, Locator, Page } from 'playwright-core';
import { e2eSetting } from './e2e-env.js';

/** The teams disclosure in the header, opened. */
export async function openTeams(page: Page): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Teams' });
  if (!(await panel.isVisible())) await page.getByRole('banner').getByRole('button', { name: /Switch team$/ }).click();
  await panel.waitFor();
  return panel;
}

/** The one team in the list that is not the built-in sandbox (it alone can be disconnected). */
export function connectedTeamItem(panel: Locator): Locator {
  return panel.getByRole('listitem').filter({ has: panel.page().getByRole('button', { name: /^Disconnect / }) });
}

/** Clicks `button` and returns the tab it opens (window.open from the app). */
export async function clickForNewTab(context: BrowserContext, button: Locator): Promise<Page> {
  const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
  await tab.waitForLoadState('domcontentloaded');
  return tab;
}

export interface ChosenAdmin {
  name: string;
  email: string;
}

/**
 * On the sandbox's consent page: sign in as its Team admin and Allow.
 * Option labels read "Given Surname <email> · Role".
 */
export async function allowAsTeamAdmin(consent: Page): Promise<ChosenAdmin> {
  await consent.getByRole('button', { name: 'Allow' }).waitFor();
  const choose = consent.getByLabel('Sign in as');
  const labels = await choose.locator('option').allTextContents();
  const label = labels.find((l) => l.endsWith('· Team admin'));
  if (!label) throw new Error(`No Team admin on the consent page: ${labels.join(' | ')}`);
  await choose.selectOption({ label });
  const m = /^(.*) <([^>]+)> · /.exec(label)!;
  await consent.getByRole('button', { name: 'Allow' }).click();
  return { name: m[1], email: m[2] };
}

/** Sandbox control API of the sandbox playing Dropbox. */
export async function dropboxControl(path: string, method = 'GET', body?: unknown): Promise<unknown> {
  const res = await fetch(`${e2eSetting('dropboxUrl')}/__sandbox/${path}`, {
    method,
    headers: body === undefined && method !== 'POST' ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} /__sandbox/${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Calls the app's own RPC with the per-run token of TEAMKEEPER_URL (for set-up and clean-up only). */
export async function appRpc(method: string, arg: unknown = null): Promise<unknown> {
  const appUrl = new URL(e2eSetting('appUrl'));
  const token = new URLSearchParams(appUrl.hash.slice(1)).get('token');
  const res = await fetch(new URL('/rpc', appUrl.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, Origin: appUrl.origin },
    body: JSON.stringify({ method, arg }),
  });
  const body = (await res.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

/** Dropbox-style tokens: sandbox access tokens (sl.tk-…, real ones sl.…) and sandbox refresh tokens (tkr-…). */
const TOKEN_PATTERNS = [/\bsl\.[A-Za-z0-9_-]{20,}/, /\btkr-[A-Za-z0-9_-]{20,}/];

/**
 * Everything the page holds that could carry a token: the stores, the DOM,
 * and web storage (less the host's own per-run key, which is not a Dropbox token).
 */
export async function rendererMemory(page: Page): Promise<string> {
  return page.evaluate(() => {
    if (!window.__tkState) throw new Error('The renderer has no state hook (window.__tkState)');
    const storage = (s: Storage) =>
      Object.keys(s)
        .filter((k) => k !== 'teamkeeper.token')
        .map((k) => `${k}=${s.getItem(k)}`)
        .join('\n');
    return [window.__tkState(), document.documentElement.outerHTML, storage(sessionStorage), storage(localStorage)].join('\n');
  });
}

/** The first token-like string in `text`, or a known token found in it. */
export function findToken(text: string, known: string[]): string | undefined {
  for (const token of known) if (token && text.includes(token)) return token;
  for (const pattern of TOKEN_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return m[0];
  }
  return undefined;
}

declare global {
  interface Window {
    __tkState?: () => string;
  }
}
