import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dropbox, team } from 'dropbox';
import type { Page } from 'playwright-core';
import { clearSearch, openApp, memberCount, memberRows, type BrowserSession } from './support/browser-session.js';
import { sandboxAdmin } from './support/sandbox-admin.js';
import { e2eSetting } from './support/e2e-env.js';

let session: BrowserSession;
let page: Page;
let dbx: Dropbox;
/** The sandbox team as the SDK lists it (removed members included): the truth the UI must match. */
let everyone: team.TeamMemberInfoV2[];

async function listEveryone(client: Dropbox): Promise<team.TeamMemberInfoV2[]> {
  let page = (await client.teamMembersListV2({ include_removed: true, limit: 1000 })).result;
  const out = [...page.members];
  while (page.has_more) {
    page = (await client.teamMembersListContinueV2({ cursor: page.cursor })).result;
    out.push(...page.members);
  }
  return out;
}

const statusOf = (m: team.TeamMemberInfoV2) => m.profile.status['.tag'];
const displayName = (m: team.TeamMemberInfoV2) => m.profile.name.display_name;

beforeAll(async () => {
  dbx = await sandboxAdmin(e2eSetting('sandboxUrl'), process.env.TK_E2E_SANDBOX_TOKEN);
  everyone = await listEveryone(dbx);
  session = await openApp();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

async function renderedColumn(col: number): Promise<string[]> {
  return memberRows(page).evaluateAll((rows, i) => rows.map((r) => r.querySelectorAll('[role="gridcell"]')[i]?.textContent ?? ''), col);
}

describe('member directory (browser mode, sandbox team)', () => {
  it('shows the sandbox team, clearly badged, with its member count', async () => {
    await expect.poll(() => page.getByText('Sandbox — practice data', { exact: true }).isVisible()).toBe(true);
    // The badge says "practice data" once; the team's button carries the team's name without repeating it.
    await expect.poll(() => page.getByRole('banner').getByRole('button', { name: 'Sandbox Team Switch team' }).isVisible()).toBe(true);
    expect(await page.getByRole('banner').getByText(/practice data/).count()).toBe(1);
    const notRemoved = everyone.filter((m) => statusOf(m) !== 'removed').length;
    await expect.poll(() => memberCount(page)).toEqual({ total: notRemoved, shown: notRemoved });
    expect(await memberRows(page).count()).toBeGreaterThan(5);
  });

  it('offers "Connect your Dropbox team" in an accessible dialog with the setup guide', async () => {
    await page.getByRole('button', { name: 'Connect your Dropbox team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
    await dialog.waitFor();
    const scopes = dialog.getByRole('list', { name: 'Scopes to tick' });
    await scopes.waitFor();
    expect(await scopes.getByRole('listitem').allTextContents()).toEqual(expect.arrayContaining(['members.read', 'members.write', 'team_info.read']));
    expect(await dialog.getByRole('textbox', { name: 'Redirect URI' }).inputValue()).toMatch(/^http:\/\/127\.0\.0\.1(:\d+)?\/callback$/);
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();
    await expect.poll(() => dialog.getByRole('textbox', { name: 'App key' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Redirect to this app (recommended)' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('narrows the rows as you type a search', async () => {
    const search = page.getByRole('searchbox', { name: 'Search members' });
    await search.fill('sam ad');
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
    expect(await renderedColumn(1)).toEqual(['Sam Admin']);
    await search.fill('example-sandbox.com');
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBeGreaterThan(1);
    await search.fill('no such person anywhere');
    await page.getByRole('heading', { name: 'No members match' }).waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    expect(await search.inputValue()).toBe('');
  });

  it('filters by status', async () => {
    const invited = everyone.filter((m) => statusOf(m) === 'invited').length;
    expect(invited).toBeGreaterThan(0);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Invited' });
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(invited);
    expect(new Set(await renderedColumn(3))).toEqual(new Set(['Invited']));
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
  });

  it('sorts by a column header, announcing the order with aria-sort', async () => {
    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    const collate = new Intl.Collator('en', { sensitivity: 'base', numeric: true }).compare;
    const ascending = await renderedColumn(1);
    expect(ascending).toEqual([...ascending].sort(collate));

    await nameHeader.getByRole('button').click();
    await expect.poll(() => nameHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await renderedColumn(1);
    expect(descending).toEqual([...descending].sort(collate).reverse());
    expect(descending[0]).not.toBe(ascending[0]);

    const emailHeader = page.getByRole('columnheader', { name: 'Email' });
    await emailHeader.getByRole('button').click();
    await expect.poll(() => emailHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await nameHeader.getAttribute('aria-sort')).toBe('none');
    const emails = await renderedColumn(2);
    expect(emails).toEqual([...emails].sort(collate));
    await nameHeader.getByRole('button').click();
  });

  it("opens a member's detail with their devices", async () => {
    let member: team.TeamMemberInfoV2 | undefined;
    let device: team.DesktopClientSession | undefined;
    for (const m of everyone.filter((x) => statusOf(x) === 'active')) {
      const { result } = await dbx.teamDevicesListMemberDevices({ team_member_id: m.profile.team_member_id });
      device = result.desktop_client_sessions?.[0];
      if (device) {
        member = m;
        break;
      }
    }
    if (!member || !device) throw new Error('The seeded sandbox team has nobody with a desktop client');

    await page.getByRole('searchbox', { name: 'Search members' }).fill(member.profile.email);
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
    await memberRows(page).first().click();
    const dialog = page.getByRole('dialog', { name: displayName(member) });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'Devices' }).waitFor();
    await dialog.getByText(device.host_name, { exact: true }).first().waitFor();
    expect(await dialog.getByText(member.profile.email).first().isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close member details' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the member's row just after the dialog is gone.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
    await clearSearch(page);
  });

  it('includes removed members on demand', async () => {
    // Seeded teams do not always have a recent leaver: make one, as an admin elsewhere would.
    const leaver = everyone.find((m) => statusOf(m) === 'active' && (m.roles ?? []).length === 0)!;
    await dbx.teamMembersRemove({ user: { '.tag': 'team_member_id', team_member_id: leaver.profile.team_member_id }, wipe_data: false });
    everyone = await listEveryone(dbx);
    const removed = everyone.filter((m) => statusOf(m) === 'removed').length;
    const notRemoved = everyone.length - removed;
    expect(removed).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => memberCount(page)).toEqual({ total: notRemoved, shown: notRemoved });
    const before = await memberCount(page);
    const status = page.getByRole('combobox', { name: 'Status' });
    expect(await status.getByRole('option', { name: 'Removed' }).count()).toBe(0);

    await page.getByRole('checkbox', { name: 'Include removed' }).check();
    await expect.poll(() => memberCount(page).then((c) => c.total)).toBe(before.total + removed);
    await status.selectOption({ label: 'Removed' });
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(removed);
    expect(new Set((await renderedColumn(3)).map((s) => s.replace(/ \(recoverable\)$/, '')))).toEqual(new Set(['Removed']));

    await page.getByRole('checkbox', { name: 'Include removed' }).uncheck();
    await expect.poll(() => memberCount(page)).toEqual(before);
    expect(await status.inputValue()).toBe('all');
  });

  it('selects several members and all shown members', async () => {
    const names = (await renderedColumn(1)).slice(0, 2);
    for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByText('2 selected', { exact: true }).waitFor();
    expect(await memberRows(page).filter({ hasText: names[0] }).first().getAttribute('aria-selected')).toBe('true');

    await page.getByRole('button', { name: 'Clear selection' }).click();
    const boxes = page.getByRole('grid', { name: 'Members' }).getByRole('checkbox', { name: /^Select (?!all)/ });
    await boxes.nth(1).check();
    await boxes.nth(4).click({ modifiers: ['Shift'] });
    await page.getByText('4 selected', { exact: true }).waitFor();

    await page.getByRole('searchbox', { name: 'Search members' }).fill('example-sandbox');
    const { shown } = await memberCount(page);
    await page.getByRole('checkbox', { name: 'Select all shown members' }).check();
    await page.getByText(`${shown.toLocaleString('en-US')} selected`, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Clear selection' }).click();
    await page.getByText(/\d selected/).waitFor({ state: 'detached' });
    await clearSearch(page);
  });

  it('keeps the table and offers Retry when a refresh fails', async () => {
    const sandboxUrl = e2eSetting('sandboxUrl');
    const faults = (method: string, body?: unknown) =>
      fetch(`${sandboxUrl}/__sandbox/faults`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    // 429s are waited out and retried; server errors are retried a few times, then given up.
    expect((await faults('POST', { route: 'team/members/list_v2', fault: 500, count: 100 })).status).toBe(200);
    try {
      await page.getByRole('button', { name: 'Refresh' }).click();
      const banner = page.getByRole('alert').filter({ hasText: 'Refresh failed' });
      await banner.waitFor();
      expect(await memberRows(page).count()).toBeGreaterThan(5);
      await faults('DELETE');
      await banner.getByRole('button', { name: 'Retry' }).click();
      await banner.waitFor({ state: 'detached' });
      // Retry left with the banner: focus is on Refresh (named by its progress while it runs), not on the page.
      await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toMatch(/^BUTTON (Refresh|Loading members)/);
    } finally {
      await faults('DELETE');
    }
  });

  it('refreshes from Dropbox and reports no browser errors', async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(session.problems).toEqual([]);
  });
});
