import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { memberCount, memberRows } from './support/browser-session.js';
import { axeViolations, controlBoundaryContrasts, focusedControl, openZoomed, recordAnnouncements, type Theme } from './support/a11y.js';
import { e2eSetting } from './support/e2e-env.js';
import { launchApp, type RunningApp } from './support/launch-app.js';
import { Sandbox } from '../../main/sandbox/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Set TK_E2E_SCREENSHOTS=<dir> to keep what the reflow and theme checks saw. */
const screenshotDir = process.env.TK_E2E_SCREENSHOTS;

let browser: Browser;
const pages: Array<{ close(): Promise<void> }> = [];

beforeAll(async () => {
  const first = await openZoomed(1);
  browser = first.browser;
  await first.page.close();
});

afterAll(async () => {
  for (const p of pages) await p.close().catch(() => undefined);
  await browser?.close();
});

async function open(zoom: number, theme: Theme = 'light', appUrl = e2eSetting('appUrl')): Promise<Page> {
  const session = await openZoomed(zoom, theme, browser);
  pages.push(session);
  await session.page.goto(appUrl);
  await session.page.getByRole('grid', { name: 'Members' }).waitFor();
  return session.page;
}

async function screenshot(page: Page, name: string): Promise<void> {
  if (!screenshotDir) return;
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

const teamsButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: /Switch team$/ });
const teamsPanel = (page: Page) => page.getByRole('region', { name: 'Teams' });
const connectButton = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Connect your Dropbox team' });
const isFocused = (page: Page, locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement);

/** Controls outside the grid (which scrolls sideways by design) whose box pokes out of the viewport. */
function controlsCutOff(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, input, select, a[href]')]
      .filter((el) => !el.closest('[role="grid"]') && !el.classList.contains('skip-link'))
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

describe('reflow: a 1280 x 800 window at 100, 200 and 400 % zoom', () => {
  for (const [zoom, theme] of [
    [1, 'light'],
    [2, 'light'],
    [4, 'light'],
    [4, 'dark'],
  ] as const) {
    it(`${zoom * 100} % (${theme}): rows show, nothing scrolls sideways, the team switcher works`, async () => {
      const page = await open(zoom, theme);
      const { width, height } = page.viewportSize()!;
      expect(width).toBe(1280 / zoom);

      // No two-dimensional scrolling: the page never scrolls sideways, no control sits off to the side.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      expect(await controlsCutOff(page)).toEqual([]);

      // The member list shows rows once scrolled to (the page scrolls only vertically).
      await page.getByRole('grid', { name: 'Members' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const firstRow = memberRows(page).first();
      const box = (await firstRow.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(height);
      expect(await memberRows(page).count()).toBeGreaterThanOrEqual(zoom === 4 ? 2 : 5);
      await screenshot(page, `reflow-${zoom * 100}-${theme}`);

      // The team switcher keeps its name and opens a panel that fits.
      const teams = teamsButton(page);
      await teams.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expect((await teams.boundingBox())!.width).toBeGreaterThan(80);
      expect(await teams.textContent()).toContain('Sandbox Team');
      await teams.focus();
      await page.keyboard.press('Enter');
      const panel = teamsPanel(page);
      await panel.waitFor();
      const panelBox = (await panel.boundingBox())!;
      expect(panelBox.x).toBeGreaterThanOrEqual(0);
      expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(width);
      expect(await controlsCutOff(page)).toEqual([]);
      await screenshot(page, `reflow-${zoom * 100}-${theme}-teams`);
      await panel.getByRole('button', { name: /^Rename / }).click();
      const rename = page.getByRole('dialog', { name: /^Rename / });
      await rename.getByRole('textbox', { name: 'Name' }).waitFor();
      const dialogBox = (await rename.boundingBox())!;
      expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);
      await page.keyboard.press('Escape');
      await rename.waitFor({ state: 'detached' });
      await expect.poll(() => isFocused(page, teams)).toBe(true);
    });
  }
});

describe('focus is never dropped to the page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(1);
  });

  it('the skip link is the first Tab stop, shows itself, and lands on a member row', async () => {
    await page.locator('body').focus();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to member list' });
    expect(await isFocused(page, skip)).toBe(true);
    const box = (await skip.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
  });

  it('Escape in the connect dialog, and its visible Close on the guide and key steps, return focus to the opener', async () => {
    const dialog = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
    await connectButton(page).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, connectButton(page))).toBe(true);

    await connectButton(page).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, connectButton(page))).toBe(true);

    await connectButton(page).click();
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();
    await dialog.getByRole('textbox', { name: 'App key' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Close' }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, connectButton(page))).toBe(true);
  });

  it('a dialog opened from the teams panel (which closes) hands focus back to the teams button', async () => {
    await teamsButton(page).click();
    await teamsPanel(page).getByRole('button', { name: 'Connect another team' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, teamsButton(page))).toBe(true);
  });

  it('the teams panel closes once focus leaves it, so it never covers the focused control', async () => {
    await teamsButton(page).focus();
    await page.keyboard.press('Enter');
    await teamsPanel(page).waitFor();
    for (let i = 0; i < 6 && (await teamsPanel(page).isVisible()); i++) await page.keyboard.press('Tab');
    await teamsPanel(page).waitFor({ state: 'hidden' });
    const uncovered = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el !== document.body && !!hit && (hit === el || el.contains(hit));
    });
    expect(uncovered).toBe(true);
  });

  it('"Clear search and filters" removes itself and hands focus to the search box', async () => {
    const search = page.getByRole('searchbox', { name: 'Search members' });
    await search.fill('zz-nobody-has-this-name');
    const clear = page.getByRole('button', { name: 'Clear search and filters' });
    await clear.focus();
    await page.keyboard.press('Enter');
    await clear.waitFor({ state: 'detached' });
    await expect.poll(() => isFocused(page, search)).toBe(true);
    await expect.poll(() => memberCount(page).then((c) => c.shown === c.total)).toBe(true);
  });

  it('"Clear selection" removes itself and hands focus to the member list', async () => {
    await memberRows(page).nth(1).getByRole('checkbox').check();
    const clear = page.getByRole('button', { name: 'Clear selection' });
    await clear.focus();
    await page.keyboard.press('Enter');
    await clear.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
  });

  it('the member sheet keeps its name "Close member details" on its × button and returns focus to the row', async () => {
    await memberRows(page).first().focus();
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Close member details' }) });
    await sheet.waitFor();
    expect(await sheet.getByRole('button', { name: 'Close member details' }).textContent()).toBe('×');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => focusedControl(page)).toMatch(/^row: /);
  });
});

describe('contrast of control boundaries, computed in the page (WCAG 1.4.11: 3:1)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme} theme: inputs, selects, buttons and fieldsets`, async () => {
      const page = await open(1, theme);
      const seen = [...(await controlBoundaryContrasts(page))];
      await teamsButton(page).click();
      seen.push(...(await controlBoundaryContrasts(page)));
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Export CSV' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export CSV' });
      await exportDialog.waitFor();
      seen.push(...(await controlBoundaryContrasts(page)));
      await page.keyboard.press('Escape');
      await connectButton(page).click();
      await page.getByRole('button', { name: 'Next: enter the app key' }).click();
      seen.push(...(await controlBoundaryContrasts(page)));
      await page.keyboard.press('Escape');

      expect(seen.some((c) => c.control.startsWith('fieldset'))).toBe(true);
      expect(seen.some((c) => c.control.startsWith('select'))).toBe(true);
      expect(seen.length).toBeGreaterThan(15);
      expect(seen.filter((c) => c.ratio < 3)).toEqual([]);
    });
  }
});

describe('axe finds no violation, light and dark', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: directory, teams panel, dialogs, member sheet, empty result, 400 % zoom`, async () => {
      const page = await open(1, theme);
      const report: Record<string, unknown> = {};
      const check = async (what: string) => {
        const violations = await axeViolations(page);
        if (violations.length) report[what] = violations;
      };
      await check('directory');
      await teamsButton(page).click();
      await check('teams panel');
      await page.keyboard.press('Escape');

      await connectButton(page).click();
      const connect = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
      await connect.getByRole('button', { name: 'Next: enter the app key' }).waitFor();
      await check('connect guide');
      await connect.getByRole('button', { name: 'Next: enter the app key' }).click();
      await connect.getByRole('button', { name: 'Continue in browser' }).click();
      await connect.getByRole('alert').waitFor();
      await check('connect form with an error');
      await page.keyboard.press('Escape');
      await connect.waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Export CSV' }).click();
      await page.getByRole('dialog', { name: 'Export CSV' }).waitFor();
      await check('export dialog');
      await page.keyboard.press('Escape');

      await memberRows(page).first().click();
      await page.getByRole('button', { name: 'Close member details' }).waitFor();
      await check('member sheet');
      await page.keyboard.press('Escape');

      await page.getByRole('searchbox', { name: 'Search members' }).fill('zz-nobody-has-this-name');
      await page.getByRole('button', { name: 'Clear search and filters' }).waitFor();
      await check('no members match');
      await screenshot(page, `empty-${theme}`);

      const zoomed = await open(4, theme);
      const violations = await axeViolations(zoomed);
      if (violations.length) report['400 % zoom'] = violations;
      expect(report).toEqual({});
    });
  }
});

describe('keyboard in the member grid', () => {
  it('at 1024 px, Left/Right scroll the columns into view from a focused row; the keys are shown', async () => {
    const page = await open(1280 / 1024);
    const grid = page.getByRole('grid', { name: 'Members' });
    const hint = page.getByText(/Enter\s*opens/);
    expect(await hint.isVisible()).toBe(true);
    // Screen readers hear the same hint with the grid.
    const describedBy = await grid.getAttribute('aria-describedby');
    expect(await page.evaluate((id) => document.getElementById(id!)?.textContent, describedBy)).toMatch(/Space\s*selects/);

    const externalId = page.getByRole('columnheader', { name: 'External ID' });
    const fullyInGrid = async () => {
      const [g, h] = [(await grid.boundingBox())!, (await externalId.boundingBox())!];
      return h.x + h.width <= g.x + g.width + 1;
    };
    expect(await fullyInGrid()).toBe(false);
    await memberRows(page).first().focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(fullyInGrid).toBe(true);
    // Still on the row: the arrows scroll, they do not move focus away.
    expect(await focusedControl(page)).toMatch(/^row: /);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBe(0);
  });
});

describe('smaller findings', () => {
  let page: Page;
  beforeAll(async () => {
    page = await open(1);
  });

  it('"Removed (recoverable)" is shown whole', async () => {
    await page.getByRole('checkbox', { name: 'Include removed' }).check();
    // Only removed members, so a recoverable one is among the rendered rows whatever the sort puts first.
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Removed' });
    const pill = page.getByRole('grid', { name: 'Members' }).getByText('Removed (recoverable)', { exact: true }).first();
    await pill.waitFor();
    const cut = await pill.evaluate((el) => {
      const cell = el.closest('[role="gridcell"]')!;
      return cell.scrollWidth > cell.clientWidth || el.getBoundingClientRect().right > cell.getBoundingClientRect().right;
    });
    expect(cut).toBe(false);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'All statuses' });
    await page.getByRole('checkbox', { name: 'Include removed' }).uncheck();
    await expect.poll(() => memberCount(page).then((c) => c.shown === c.total)).toBe(true);
  });

  it('an empty app key is answered with a sentence, not validation internals', async () => {
    await connectButton(page).click();
    const dialog = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();
    await dialog.getByRole('button', { name: 'Continue in browser' }).click();
    const alert = dialog.getByRole('alert');
    await alert.waitFor();
    expect((await alert.textContent())?.trim()).toBe('Enter your app key');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('with members ticked, the export dialog starts on the selected members', async () => {
    await memberRows(page).nth(0).getByRole('checkbox').check();
    await memberRows(page).nth(2).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CSV' });
    expect(await dialog.getByRole('radio', { name: 'Selected members (2 members)' }).isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear selection' }).click();
  });
});

describe('screen readers hear a large sync start and end once', () => {
  const MEMBERS = 20_000;
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
  });

  it(`refreshing ${MEMBERS.toLocaleString('en-US')} members: two announcements, the page count visible but not pushed`, { timeout: 180_000 }, async () => {
    // A private app whose sandbox team is this large, so the shared one stays as the other files expect it.
    app = await launchApp(root, ['--oauth-port', '0'], (dataDir) => {
      new Sandbox({ members: MEMBERS, statePath: join(dataDir, 'sandbox', 'team.json') }).flush();
    });
    const page = await open(1, 'light', app.appUrl);
    const { total } = await memberCount(page);
    expect(total).toBeGreaterThan(MEMBERS * 0.8);

    const refresh = page.getByRole('button', { name: 'Refresh' });
    expect(await refresh.getAttribute('aria-live')).toBeNull();
    await page.evaluate(() => {
      const w = window as unknown as { __labels: Set<string> };
      w.__labels = new Set();
      const toolbar = document.querySelector('.toolbar__actions')!;
      new MutationObserver(() => w.__labels.add(toolbar.querySelector('button')?.textContent ?? '')).observe(toolbar, { subtree: true, childList: true, characterData: true });
    });
    const announcements = await recordAnnouncements(page);
    await refresh.click();
    await page.getByRole('button', { name: /^Loading members/ }).waitFor();
    await refresh.waitFor({ timeout: 150_000 });
    const said = await announcements();
    const labels = await page.evaluate(() => [...(window as unknown as { __labels: Set<string> }).__labels]);

    expect(said).toEqual(['Loading members…', `${total.toLocaleString('en-US')} members loaded`]);
    // The progress was there for the eye: the button counted the pages as they came.
    expect(labels.filter((l) => /^Loading members… [\d,]+$/.test(l)).length).toBeGreaterThanOrEqual(5);
  });
});
