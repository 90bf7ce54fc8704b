import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { MemberRow } from '../../preload/contract.js';
import { axeViolations, focusedControl, openZoomed, type Theme } from './support/a11y.js';
import { appRpc } from './support/app-rpc.js';
import { memberCount, memberRows } from './support/browser-session.js';
import { CHROMIUM_ARGS } from './support/find-chromium.js';
import { e2eSetting } from './support/e2e-env.js';
import { launchApp, type RunningApp } from './support/launch-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// A private app: the audit log it shows holds exactly what this file did.
let app: RunningApp;
let rpc: ReturnType<typeof appRpc>;
let browser: Browser;
let page: Page;
const closers: Array<() => Promise<void>> = [];
let edited: MemberRow[];
let suspended: MemberRow;
let invited: MemberRow;

async function openPage(theme: Theme = 'light'): Promise<Page> {
  const session = await openZoomed(1, theme, browser);
  closers.push(session.close);
  await session.page.goto(app.appUrl);
  await session.page.getByRole('grid', { name: 'Members' }).waitFor();
  return session.page;
}

async function runJob(kind: string, items: unknown[]): Promise<void> {
  const plan = await rpc('planJob', { kind, items });
  await rpc('startJob', { jobId: plan.jobId, confirmation: plan.confirmation?.text });
  const deadline = Date.now() + 20_000;
  while ((await rpc('listJobs')).find((j) => j.jobId === plan.jobId)?.state !== 'finished') {
    if (Date.now() > deadline) throw new Error(`${kind} did not finish`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function auditRows(p: Page) {
  return p.getByRole('main', { name: 'Audit log' }).getByRole('table').getByRole('row').filter({ has: p.getByRole('cell') });
}

/** The Member and Outcome cells of every row shown. */
async function shownRows(p: Page): Promise<Array<{ member: string; action: string; outcome: string }>> {
  const rows = auditRows(p);
  const out = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = await rows.nth(i).getByRole('cell').allTextContents();
    out.push({ action: cells[2], member: cells[3], outcome: cells[5] });
  }
  return out;
}

beforeAll(async () => {
  app = await launchApp(root, ['--oauth-port', '0']);
  rpc = appRpc(app.appUrl);
  const { members } = await rpc('getDirectory', { includeRemoved: false });
  const plain = members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
  edited = plain.slice(0, 2);
  suspended = plain[2];
  invited = members.find((m) => m.status === 'invited')!;
  await runJob(
    'member.edit-profile',
    edited.map((m, i) => ({ member: m.email, givenName: `Audited${i}` })),
  );
  await runJob('member.suspend', [{ member: suspended.email, wipeData: false }]);
  // Already as wanted (a skip), and refused in the plan (failed, with the reason).
  await runJob('member.unsuspend', [{ member: edited[0].email }, { member: invited.email }]);
  browser = await chromium.launch({ executablePath: e2eSetting('chromium'), headless: true, args: CHROMIUM_ARGS });
  page = await openPage();
}, 120_000);

afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
  await browser?.close();
  await app?.stop();
});

describe('the audit log view', () => {
  it('lists every item of every job, newest first, with its action and outcome in words', async () => {
    const nav = page.getByRole('navigation', { name: 'Views' });
    await nav.getByRole('link', { name: 'Audit log' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit log' }).getAttribute('aria-current')).toBe('page');
    // The first Tab stop skips to this view now (the member list is hidden). Focus starts at the top of the page.
    await page.getByRole('banner').evaluate((header: HTMLElement) => {
      header.tabIndex = -1;
      header.focus();
      header.removeAttribute('tabindex');
    });
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('a: Skip to Audit log');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedControl(page)).toBe('h1: Audit log');
    await page.getByRole('table').getByRole('caption').filter({ hasText: 'Entries 1–5 of 5, newest first' }).waitFor();
    const rows = await shownRows(page);
    expect(rows.slice(0, 3)).toEqual([
      { action: 'Unsuspend', member: invited.email, outcome: 'Failed' },
      { action: 'Unsuspend', member: edited[0].email, outcome: 'Skipped' },
      { action: 'Suspend', member: suspended.email, outcome: 'Done' },
    ]);
    expect(new Set(rows.slice(3).map((r) => `${r.action} ${r.member} ${r.outcome}`))).toEqual(new Set(edited.map((m) => `Edit profile ${m.email} Done`)));
    const suspendCells = await auditRows(page).nth(2).getByRole('cell').allTextContents();
    expect(suspendCells[4]).toBe('wipe linked devices: no');
    expect(suspendCells[7]).toMatch(/^\S+$/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters by member and by outcome, says when nothing matches, and clears', async () => {
    const filters = page.getByRole('form', { name: 'Audit log filters' });
    const member = filters.getByRole('searchbox', { name: 'Member' });
    await member.fill(edited[0].email.toUpperCase());
    await expect.poll(() => shownRows(page)).toEqual([
      { action: 'Unsuspend', member: edited[0].email, outcome: 'Skipped' },
      { action: 'Edit profile', member: edited[0].email, outcome: 'Done' },
    ]);
    expect((await auditRows(page).first().getByRole('cell').allTextContents())[6]).toBe('Already active.');

    await member.fill('');
    await filters.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Failed' });
    await expect.poll(() => shownRows(page)).toEqual([{ action: 'Unsuspend', member: invited.email, outcome: 'Failed' }]);
    expect((await auditRows(page).first().getByRole('cell').allTextContents())[6]).toMatch(/^This member is invited, not suspended\./);

    await member.fill('nobody-here@example.com');
    await page.getByRole('heading', { name: 'No entries match' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).last().click();
    await page.getByRole('table').getByRole('caption').filter({ hasText: 'of 5,' }).waitFor();
    expect(await member.inputValue()).toBe('');
    expect(await filters.getByRole('combobox', { name: 'Outcome' }).inputValue()).toBe('');
  });

  it('refuses a date range that ends before it starts, with a sentence', async () => {
    const filters = page.getByRole('form', { name: 'Audit log filters' });
    await filters.getByLabel('From').fill('2030-02-01');
    await filters.getByLabel('To').fill('2030-01-01');
    await filters.getByRole('alert').filter({ hasText: 'The start date is after the end date.' }).waitFor();
    await filters.getByLabel('From').fill('');
    await filters.getByLabel('To').fill('');
    await expect.poll(() => filters.getByRole('alert').count()).toBe(0);
    await page.getByRole('table').getByRole('caption').filter({ hasText: 'of 5,' }).waitFor();
  });

  it('exports the entries the filters show as CSV', async () => {
    const filters = page.getByRole('form', { name: 'Audit log filters' });
    await filters.getByRole('combobox', { name: 'Action' }).selectOption({ label: 'Edit profile' });
    await expect.poll(() => auditRows(page).count()).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), filters.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,team,admin,job,action,member id,member email,options,outcome,reason,request id,error tag');
    expect(lines).toHaveLength(3);
    const emails = lines.slice(1).map((l) => l.split(',')[6]);
    expect(emails.sort()).toEqual(edited.map((m) => m.email).sort());
    for (const line of lines.slice(1)) expect(line).toContain(',member.edit-profile,');
    await filters.getByRole('status').filter({ hasText: 'Exported 2 rows' }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it("shows a member's history in their detail sheet, newest first", async () => {
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('searchbox', { name: 'Search members' }).fill(edited[0].email);
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
    await memberRows(page).first().click();
    const sheet = page.getByRole('dialog', { name: /Audited0/ });
    await sheet.waitFor();
    const history = sheet.getByRole('region', { name: 'History' });
    const items = history.getByRole('listitem');
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toMatch(/^Unsuspend: skipped \(Already active\.\)/);
    expect(await items.nth(1).textContent()).toMatch(/^Edit profile: done.*given name: Audited0/);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  it('in the dark theme, the audit log view has no axe violations', async () => {
    const dark = await openPage('dark');
    await dark.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Audit log' }).click();
    await dark.getByRole('table').waitFor();
    expect(await axeViolations(dark)).toEqual([]);
  });
});
