import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, focusedControl } from './support/a11y.js';
import { openHarness } from './support/harness-bundle.js';

/**
 * The confirm dialog every destructive action uses, alone on a page with
 * "type the name to confirm": the renderer's own component, bundled by
 * Vite, in the same Chromium, so its keyboard rules are checked apart from
 * any one action.
 */
let page: Page;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ page, close } = await openHarness('test/e2e/harness/confirm-dialog-harness.tsx', 'Confirm dialog', 'Remove Acme'));
});

afterAll(async () => {
  await close?.();
});

const confirmed = () => page.evaluate(() => (window as unknown as { __confirmed: number }).__confirmed);
const dialog = () => page.getByRole('alertdialog', { name: 'Remove Acme?' });

async function openDialog(): Promise<void> {
  await page.getByRole('button', { name: 'Remove Acme' }).focus();
  await page.keyboard.press('Enter');
  await dialog().waitFor();
}

describe('confirm dialog with "type the name to confirm"', () => {
  it('is a labelled, described alertdialog starting on the phrase field, and axe finds nothing in either theme', async () => {
    await openDialog();
    const described = await dialog().evaluate((el) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent);
    expect(described).toBe('Acme loses access to every team folder.');
    expect(await focusedControl(page)).toBe('input: Type Acme to confirm');
    expect(await dialog().getByRole('button', { name: 'Remove' }).getAttribute('aria-disabled')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('Enter confirms only once the phrase matches; clicking Remove before that does nothing', async () => {
    const field = dialog().getByRole('textbox', { name: 'Type Acme to confirm' });
    await page.keyboard.press('Enter');
    await dialog().getByRole('alert').filter({ hasText: 'Type Acme exactly, then confirm.' }).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('acme');
    // force: Playwright itself refuses to click an aria-disabled button; a mouse would not.
    await dialog().getByRole('button', { name: 'Remove' }).click({ force: true });
    await field.press('Enter');
    expect(await confirmed()).toBe(0);
    expect(await dialog().isVisible()).toBe(true);

    await field.fill('Acme');
    expect(await dialog().getByRole('button', { name: 'Remove' }).getAttribute('aria-disabled')).toBeNull();
    await field.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    expect(await confirmed()).toBe(1);
  });

  it('starts empty each time; Escape closes it and focus returns to the opener', async () => {
    await openDialog();
    expect(await dialog().getByRole('textbox', { name: 'Type Acme to confirm' }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => focusedControl(page)).toBe('button: Remove Acme');
    expect(await confirmed()).toBe(1);
  });

  it('Enter on Cancel cancels: the destructive button is never the default', async () => {
    await openDialog();
    await dialog().getByRole('textbox', { name: 'Type Acme to confirm' }).fill('Acme');
    await dialog().getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    expect(await confirmed()).toBe(1);
    await expect.poll(() => focusedControl(page)).toBe('button: Remove Acme');
  });
});
