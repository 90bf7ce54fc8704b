import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { JobSummary, MemberRow } from '../../preload/contract.js';
import { JobJournal } from '../../main/core/jobs/journal.js';
import { axeViolations, focusedControl, openZoomed, type Theme } from './support/a11y.js';
import { appRpc, sandboxControl } from './support/app-rpc.js';
import { CHROMIUM_ARGS } from './support/find-chromium.js';
import { e2eSetting } from './support/e2e-env.js';
import { launchApp, type RunningApp } from './support/launch-app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SET_PROFILE = 'team/members/set_profile_v2';

// A private app: this file changes members, slows its sandbox down and kills the app, which the shared one must not see.
let app: RunningApp;
/** The same app started again on its data dir after the forced quit. */
let restarted: RunningApp | undefined;
let rpc: ReturnType<typeof appRpc>;
let browser: Browser;
let page: Page;
const closers: Array<() => Promise<void>> = [];

async function openPage(appUrl: string, theme: Theme = 'light'): Promise<Page> {
  const session = await openZoomed(1, theme, browser);
  closers.push(session.close);
  await session.page.goto(appUrl);
  await session.page.getByRole('grid', { name: 'Members' }).waitFor();
  return session.page;
}

/** Active members without an admin role: editing their external id disturbs nothing else. */
async function plainMembers(): Promise<MemberRow[]> {
  const { members } = await rpc('getDirectory', { includeRemoved: false });
  return members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
}

async function startJob(items: unknown[], kind = 'member.edit-profile'): Promise<string> {
  const plan = await rpc('planJob', { kind, items });
  await rpc('startJob', { jobId: plan.jobId, confirmation: plan.confirmation?.text });
  return plan.jobId;
}

async function jobOf(jobId: string): Promise<JobSummary> {
  return (await rpc('listJobs')).find((j) => j.jobId === jobId)!;
}

/** Each member's external id as the sandbox holds it (what Dropbox has, whatever the app heard). */
async function externalIds(sandboxUrl: string): Promise<Map<string, string | undefined>> {
  const state = await sandboxControl<{ members: Array<{ email: string; externalId?: string }> }>(sandboxUrl, 'state');
  return new Map(state.members.map((m) => [m.email, m.externalId]));
}

function jobCard(p: Page, jobId: string) {
  return p.getByRole('article').filter({ hasText: jobId });
}

async function showJobs(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Jobs/ }).click();
  await p.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
}

beforeAll(async () => {
  app = await launchApp(root, ['--oauth-port', '0']);
  rpc = appRpc(app.appUrl);
  browser = await chromium.launch({ executablePath: e2eSetting('chromium'), headless: true, args: CHROMIUM_ARGS });
  page = await openPage(app.appUrl);
}, 120_000);

afterAll(async () => {
  for (const close of closers) await close().catch(() => undefined);
  await browser?.close();
  // The restart does not own the data dir; the first app's stop removes it.
  await restarted?.stop();
  await app?.stop();
});

describe('the Jobs view', () => {
  it('is reached from the nav by keyboard, marks itself current, and says when there are no jobs', async () => {
    const nav = page.getByRole('navigation', { name: 'Views' });
    expect(await nav.getByRole('link', { name: 'Members' }).getAttribute('aria-current')).toBe('page');
    await nav.getByRole('link', { name: /^Jobs/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    expect(await nav.getByRole('link', { name: /^Jobs/ }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Members' }).getAttribute('aria-current')).toBeNull();
    // Focus went to the view's heading, where a screen reader starts reading it.
    await expect.poll(() => focusedControl(page)).toBe('h1: Jobs');
    await page.getByRole('heading', { name: 'No jobs yet' }).waitFor();
  });

  it('shows a job run through the Api with its outcomes, opens its items and exports them as CSV', async () => {
    const targets = (await plainMembers()).slice(0, 3);
    const jobId = await startJob([...targets.map((m, i) => ({ member: m.email, externalId: `view-${i}` })), { member: 'nobody-here@example.com', externalId: 'x' }]);
    const card = jobCard(page, jobId);
    await card.getByText('Finished', { exact: true }).waitFor();
    await card.getByText('3 of 4 done · 1 failed', { exact: true }).waitFor();
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Edit profile: 4 items');

    await card.getByRole('button', { name: 'Show items' }).click();
    expect(await card.getByRole('button', { name: 'Hide items' }).getAttribute('aria-expanded')).toBe('true');
    const items = page.getByRole('region', { name: /^Items of Edit profile/ });
    const table = items.getByRole('table');
    await table.getByRole('caption').filter({ hasText: 'Items 1–4 of 4' }).waitFor();
    const rows = table.getByRole('row');
    expect(await rows.count()).toBe(5);
    for (let i = 0; i < 3; i++) {
      const cells = await rows.nth(i + 1).getByRole('cell').allTextContents();
      expect(cells.slice(0, 4)).toEqual([String(i + 1), targets[i].email, `external ID: view-${i}`, 'Done']);
      expect(cells[4]).toMatch(/^\S+$/);
    }
    const failed = await rows.nth(4).getByRole('cell').allTextContents();
    expect(failed[1]).toBe('nobody-here@example.com');
    expect(failed[3]).toMatch(/^Failed: .+ \(Dropbox: preflight\)$/);

    const [download] = await Promise.all([page.waitForEvent('download'), items.getByRole('button', { name: 'Export results (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${jobId}-results.csv`);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('item,member,input,outcome,reason,dropbox tag,request id');
    expect(lines).toHaveLength(5);
    for (let i = 0; i < 3; i++) expect(lines[i + 1]).toMatch(new RegExp(`^${i + 1},${targets[i].email.replace(/[.]/g, '\\.')},".*view-${i}.*",done,,,\\S+$`));
    expect(lines[4]).toMatch(/^4,,".*nobody-here@example\.com.*",failed,.+,preflight,$/);
    await items.getByRole('status').filter({ hasText: `Exported 4 rows: ${jobId}-results.csv is downloading.` }).waitFor();

    // Only the failures, chosen by keyboard: the counts are on the choices, the caption says what is shown.
    const show = items.getByRole('combobox', { name: 'Show' });
    expect(await show.locator('option').allTextContents()).toEqual(['All items (4)', 'Failed (1)', 'Unconfirmed (0)', 'Skipped (0)', 'Done (3)', 'Not run yet (0)']);
    await show.focus();
    await show.selectOption({ label: 'Failed (1)' });
    await table.getByRole('caption').filter({ hasText: 'Items 1–1 of 1 (failed)' }).waitFor();
    expect(await rows.count()).toBe(2);
    expect((await rows.nth(1).getByRole('cell').allTextContents())[1]).toBe('nobody-here@example.com');
    await show.selectOption({ label: 'Skipped (0)' });
    await table.getByRole('caption').filter({ hasText: 'No items (skipped)' }).waitFor();
    expect(await rows.count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
  });

  it('pauses a slow job and resumes it from the keyboard; the badge counts it while it runs', async () => {
    await sandboxControl(app.sandboxUrl, 'config', 'POST', { latencyMs: 1000 });
    try {
      const targets = (await plainMembers()).slice(0, 24);
      const jobId = await startJob(targets.map((m, i) => ({ member: m.email, givenName: `Paused${i}` })));
      const card = jobCard(page, jobId);
      await page.getByRole('link', { name: /^Jobs.*1 running/ }).waitFor();
      const pause = card.getByRole('button', { name: 'Pause' });
      await pause.focus();
      await page.keyboard.press('Enter');
      await card.getByText('Paused', { exact: true }).waitFor({ timeout: 20_000 });
      const paused = await jobOf(jobId);
      expect(paused).toMatchObject({ state: 'paused', resumable: true });
      expect(paused.progress.pending).toBeGreaterThan(0);
      await page.getByRole('link', { name: /^Jobs.*1 unfinished/ }).waitFor();
      // Resuming says what it does with items in doubt before the admin presses it.
      await card.getByText(/^Resume checks every item in doubt with Dropbox first/).waitFor();

      const resume = card.getByRole('button', { name: 'Resume' });
      await resume.focus();
      await page.keyboard.press('Enter');
      await card.getByText('Running', { exact: true }).waitFor();
      await card.getByText('Finished', { exact: true }).waitFor({ timeout: 30_000 });
      await card.getByText('24 of 24 done', { exact: true }).waitFor();
      await expect.poll(() => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Jobs/ }).textContent()).toBe('Jobs');
    } finally {
      await sandboxControl(app.sandboxUrl, 'config', 'POST', { latencyMs: 0 });
    }
  });

  it('asks before cancelling a running job; Escape keeps it running, confirming stops it', async () => {
    await sandboxControl(app.sandboxUrl, 'config', 'POST', { latencyMs: 1000 });
    try {
      const targets = (await plainMembers()).slice(0, 24);
      const jobId = await startJob(targets.map((m, i) => ({ member: m.email, surname: `Cancelled${i}` })));
      const card = jobCard(page, jobId);
      const cancel = card.getByRole('button', { name: 'Cancel job' });
      await cancel.click();
      const dialog = page.getByRole('dialog', { name: 'Cancel this job?' });
      await dialog.waitFor();
      // The safe choice has focus: Enter now would keep the job.
      await expect.poll(() => focusedControl(page)).toBe('button: Keep the job');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expect.poll(() => focusedControl(page)).toBe('button: Cancel job');
      expect((await jobOf(jobId)).state).toBe('running');

      await cancel.click();
      await dialog.getByRole('button', { name: 'Cancel job' }).click();
      await card.getByText('Cancelled', { exact: true }).waitFor({ timeout: 20_000 });
      const cancelled = await jobOf(jobId);
      expect(cancelled).toMatchObject({ state: 'cancelled', resumable: false });
      expect(cancelled.progress.pending).toBeGreaterThan(0);
      expect(await card.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    } finally {
      await sandboxControl(app.sandboxUrl, 'config', 'POST', { latencyMs: 0 });
    }
  });

  it('in the dark theme, the Jobs view with a job open has no axe violations', async () => {
    const dark = await openPage(app.appUrl, 'dark');
    await showJobs(dark);
    await dark.getByRole('article').first().getByRole('button', { name: 'Show items' }).click();
    await dark.getByRole('region', { name: /^Items of / }).getByRole('table').waitFor();
    expect(await axeViolations(dark)).toEqual([]);
  });
});

describe('after a forced quit', () => {
  it('a banner offers the interrupted job; resuming completes it and sends no item twice', { timeout: 240_000 }, async () => {
    const targets = (await plainMembers()).slice(0, 24);
    const wanted = (i: number) => `crash-${i}`;
    await sandboxControl(app.sandboxUrl, 'config', 'POST', { latencyMs: 1500 });
    const jobId = await startJob(targets.map((m, i) => ({ member: m.email, externalId: wanted(i) })));
    // Killed mid-job: some items done, others sent without an answer, the rest not sent.
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { progress } = await jobOf(jobId);
      if (progress.done >= 4 && progress.pending > 4) break;
      if (progress.pending <= 4 || Date.now() > deadline) throw new Error(`the job did not stop mid-way: ${JSON.stringify(progress)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    await app.crash();

    restarted = await launchApp(root, ['--oauth-port', '0'], undefined, app.dataDir);
    rpc = appRpc(restarted.appUrl);
    const after = await jobOf(jobId);
    expect(after).toMatchObject({ state: 'interrupted', resumable: true });

    // What Dropbox has now: the items the first run applied, whether or not it heard back.
    const byEmail = await externalIds(restarted.sandboxUrl);
    const applied = targets.filter((m, i) => byEmail.get(m.email) === wanted(i)).length;
    expect(applied).toBeGreaterThanOrEqual(4);
    expect(applied).toBeLessThan(24);
    await sandboxControl(restarted.sandboxUrl, 'requests', 'DELETE');

    const p = await openPage(restarted.appUrl);
    const banner = p.getByRole('region', { name: 'Unfinished jobs' });
    await banner.getByText(/^1 unfinished job:/).waitFor();
    expect(await axeViolations(p)).toEqual([]);
    await banner.getByRole('button', { name: 'Review' }).click();
    await p.getByRole('heading', { name: 'Jobs', level: 1 }).waitFor();
    await expect.poll(() => focusedControl(p)).toBe('h1: Jobs');
    const card = jobCard(p, jobId);
    await card.getByText(/^Interrupted/).waitFor();
    await card.getByText(/^Resume checks every item in doubt with Dropbox first/).waitFor();
    await card.getByRole('button', { name: 'Resume' }).click();
    await card.getByText('Finished', { exact: true }).waitFor({ timeout: 60_000 });
    await card.getByText('24 of 24 done', { exact: true }).waitFor();
    expect(await banner.count()).toBe(0);

    // Exactly the items Dropbox did not have were written, each once.
    const { requests } = await sandboxControl<{ requests: Array<{ route: string; status: number }> }>(restarted.sandboxUrl, 'requests');
    const writes = requests.filter((r) => r.route === SET_PROFILE);
    expect(writes).toHaveLength(24 - applied);
    expect(writes.every((w) => w.status === 200)).toBe(true);
    const final = await externalIds(restarted.sandboxUrl);
    expect(targets.map((m) => final.get(m.email))).toEqual(targets.map((_, i) => wanted(i)));
  });
});

describe('files damaged on disk', () => {
  it('a job whose journal cannot be read is named in Jobs with why, and the audit log says what it could not read', { timeout: 120_000 }, async () => {
    await restarted!.crash();
    const jobsDir = JobJournal.jobsDir(app.dataDir, 'sandbox');
    const [oldest] = readdirSync(jobsDir).sort();
    // Torn bytes in the middle of a journal, as a disk failure could leave them, and a torn line inside the audit log.
    const journal = join(jobsDir, oldest, 'journal.jsonl');
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${lines[0]}\n{"e":"outc${lines.slice(1).join('\n')}`);
    const auditDir = join(app.dataDir, 'audit');
    const [auditFile] = readdirSync(auditDir);
    appendFileSync(join(auditDir, auditFile), `{"time":"20\n${readFileSync(join(auditDir, auditFile), 'utf8').split('\n')[0]}\n`);

    restarted = await launchApp(root, ['--oauth-port', '0'], undefined, app.dataDir);
    rpc = appRpc(restarted.appUrl);
    expect((await rpc('listJobs')).map((j) => j.jobId)).not.toContain(oldest);
    const p = await openPage(restarted.appUrl);
    const banner = p.getByRole('region', { name: 'Unfinished jobs' });
    await banner.getByText('1 job that could not be read: see Jobs for what was kept.').waitFor();
    await banner.getByRole('button', { name: 'Review' }).click();
    const notice = p.getByRole('main', { name: 'Jobs' }).getByRole('status').filter({ hasText: '1 job could not be read' });
    await notice.getByText("1 job could not be read; its journal is kept as it is in Teamkeeper's data folder.").waitFor();
    expect(await notice.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(new RegExp(`^${oldest}: Its journal is damaged: line \\d+ of journal\\.jsonl is not valid JSON\\.$`))]);
    expect(await axeViolations(p)).toEqual([]);

    await p.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Audit log' }).click();
    await p.getByRole('status').filter({ hasText: /^The audit log has 1 damaged line \(line \d+\) that could not be read; every other entry is shown\.$/ }).waitFor();
  });
});
