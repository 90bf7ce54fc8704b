import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './find-chromium.js';
import { e2eSetting } from './e2e-env.js';

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Browser console errors and page errors seen so far (CSP violations show up here). */
  problems: string[];
  close(): Promise<void>;
}

/** A fresh headless Chromium on TEAMKEEPER_URL, waiting until the member grid is on screen. */
export async function openApp(): Promise<BrowserSession> {
  const browser = await chromium.launch({ executablePath: e2eSetting('chromium'), headless: true, args: CHROMIUM_ARGS });
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  await page.goto(e2eSetting('appUrl'));
  await page.getByRole('grid', { name: 'Members' }).waitFor();
  return { browser, context, page, problems, close: () => browser.close() };
}

/** "1,234 members · 12 shown" → { total: 1234, shown: 12 } */
export async function memberCount(page: Page): Promise<{ total: number; shown: number }> {
  const text = (await page.getByRole('status').filter({ hasText: /members? · .* shown/ }).textContent()) ?? '';
  const m = /([\d,]+) members? · ([\d,]+) shown/.exec(text);
  if (!m) throw new Error(`No member count in "${text}"`);
  return { total: Number(m[1].replace(/,/g, '')), shown: Number(m[2].replace(/,/g, '')) };
}

/** The data rows currently rendered (the header row excluded). */
export function memberRows(page: Page) {
  return page.getByRole('grid', { name: 'Members' }).getByRole('row').filter({ has: page.getByRole('gridcell') });
}

/**
 * Empties the search and waits until every member shows again. A fill can be
 * lost when focus moves away mid-fill (a closing dialog hands focus back a
 * moment after it leaves the DOM), so the fill is repeated until it holds.
 */
export async function clearSearch(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search members' });
  await expect
    .poll(async () => {
      if ((await box.inputValue()) !== '') await box.fill('');
      const { shown, total } = await memberCount(page);
      return shown === total;
    })
    .toBe(true);
}
