import { afterEach, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import type { Dropbox } from 'dropbox';
import { CHROMIUM_ARGS } from './support/find-chromium.js';
import { e2eSetting } from './support/e2e-env.js';
import { memberCount } from './support/browser-session.js';
import { sandboxAdmin } from './support/sandbox-admin.js';

let browser: Browser | undefined;

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function newPage(): Promise<Page> {
  browser = await chromium.launch({ executablePath: e2eSetting('chromium'), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  return context.newPage();
}

/** The Api as the page calls it, from the test: POST /rpc with the run's token in the header. */
async function rpc<T>(method: string, arg: unknown = null): Promise<T> {
  const url = new URL(e2eSetting('appUrl'));
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const res = await fetch(`${url.origin}/rpc`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ method, arg }) });
  const body = (await res.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

async function plainActiveMember(dbx: Dropbox): Promise<string> {
  const { result } = await dbx.teamMembersListV2({ limit: 100 });
  return result.members.find((m) => m.profile.status['.tag'] === 'active' && (m.roles ?? []).length === 0)!.profile.email;
}

describe('the event stream', () => {
  it('a job that changes a member while the page is starting (its stream not yet open) still shows', async () => {
    const page = await newPage();
    // The page's event stream is kept from opening until the job has run: what main sends meanwhile has no listener.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/tickets', async (route: Route) => {
      if (route.request().postData()?.includes('"events"')) await released;
      await route.continue();
    });
    await page.goto(e2eSetting('appUrl'));
    await page.getByRole('grid', { name: 'Members' }).waitFor({ timeout: 20_000 });

    const surname = `Startup${Date.now().toString(36)}`;
    const email = await plainActiveMember(await sandboxAdmin(e2eSetting('sandboxUrl'), process.env.TK_E2E_SANDBOX_TOKEN));
    const plan = await rpc<{ jobId: string; confirmation: { text: string } | null }>('planJob', { kind: 'member.edit-profile', items: [{ member: email, surname }] });
    await rpc('startJob', { jobId: plan.jobId, ...(plan.confirmation ? { confirmation: plan.confirmation.text } : {}) });
    await expect.poll(async () => (await rpc<Array<{ jobId: string; state: string }>>('listJobs')).find((j) => j.jobId === plan.jobId)?.state, { timeout: 15_000 }).toBe('finished');
    release();

    await page.getByRole('searchbox', { name: 'Search members' }).fill(surname);
    await expect.poll(() => memberCount(page).then((c) => c.shown), { timeout: 15_000 }).toBe(1);
  });

  it('refused by the app: stops retrying, says in the header that the back end is lost, and Reload brings the page back', async () => {
    const page = await newPage();
    let tickets = 0;
    await page.route('**/tickets', (route: Route) => {
      tickets++;
      return route.fulfill({ status: 401, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Open Teamkeeper from the address it printed at start (it carries the access token).' } }) });
    });
    await page.goto(e2eSetting('appUrl'));
    const header = page.getByRole('banner');
    await header.getByRole('status').filter({ hasText: 'Lost contact with Teamkeeper' }).waitFor({ timeout: 20_000 });
    const alert = page.getByRole('alert').filter({ hasText: 'Reload the page' });
    await alert.waitFor();
    const tries = tickets;
    expect(tries).toBeGreaterThan(1);
    expect(tries).toBeLessThanOrEqual(5);
    await page.waitForTimeout(3000);
    expect(tickets).toBe(tries);

    await page.unroute('**/tickets');
    const reload = alert.getByRole('button', { name: 'Reload' });
    await reload.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('grid', { name: 'Members' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Reload the page' }).count()).toBe(0);
    expect(await header.getByRole('status').filter({ hasText: 'Lost contact with Teamkeeper' }).count()).toBe(0);
  });
});
