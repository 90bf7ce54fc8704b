import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, memberCount, type BrowserSession } from './support/browser-session.js';

let session: BrowserSession;
let page: Page;

beforeAll(async () => {
  session = await openApp();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

/** Presses Tab until `matches` holds for the focused element; fails after `max` presses. */
async function tabUntil(matches: () => boolean, max = 25): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return i;
  }
  throw new Error(`Focus never reached the target in ${max} Tab presses`);
}

describe('keyboard only', () => {
  it('Tab to search, type, Tab to a row, Enter opens the member, Escape returns to the row', async () => {
    await page.locator('body').focus();
    await tabUntil(() => document.activeElement?.getAttribute('type') === 'search');
    await page.keyboard.type('sam admin');
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);

    await tabUntil(() => document.activeElement?.getAttribute('role') === 'row');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Sam Admin');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sam Admin' });
    await dialog.waitFor();
    // The sheet starts at the member's name (read from the top), not on an action button Enter would press.
    await expect.poll(() => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`)).toBe('H2 Sam Admin');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h3')?.textContent)).toBe('Actions');
    await dialog.getByRole('heading', { name: 'Roles' }).waitFor();
    expect(await dialog.getByText('Team admin').isVisible()).toBe(true);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Radix hands focus back just after the sheet leaves the DOM.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('row');
  });

  it('arrow keys move between rows and Space ticks the focused one', async () => {
    await page.getByRole('searchbox', { name: 'Search members' }).fill('');
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBeGreaterThan(3);
    await page.getByRole('searchbox', { name: 'Search members' }).focus();
    await tabUntil(() => document.activeElement?.getAttribute('role') === 'row');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(Number(first) + 2));
    await page.keyboard.press(' ');
    await page.getByText('1 selected', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    await page.keyboard.press('End');
    const { shown } = await memberCount(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-rowindex'))).toBe(String(shown + 1));
  });

  it('every control in the toolbar has an accessible name', async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => !(el as HTMLElement).closest('[aria-hidden="true"]'))
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !labelled && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    expect(session.problems).toEqual([]);
  });

  it('the teams list and the connect dialog work from the keyboard', async () => {
    const teams = page.getByRole('banner').getByRole('button', { name: /Switch team$/ });
    await teams.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('region', { name: 'Teams' });
    await panel.waitFor();
    expect(await teams.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Rename /);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await teams.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Connect your Dropbox team' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Connect your Dropbox team' });
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).focus();
    await page.keyboard.press('Enter');
    // The key field takes focus; typing and Enter submit, and main's verdict shows next to it.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.id)).toBe(
      await dialog.getByRole('textbox', { name: 'App key' }).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await dialog.getByRole('alert').filter({ hasText: 'Enter your app key' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
