import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, focusedControl } from './support/a11y.js';
import { openHarness } from './support/harness-bundle.js';

/**
 * The remove form alone in a dialog over a 50,000-member directory
 * (test/e2e/harness/remove-form-harness.tsx), driven from the keyboard: the
 * "what happens to their files?" choice, the options it rules out, and the
 * colleague picker. The whole path through the app is member-destructive.e2e.ts.
 */
let page: Page;
let close: () => Promise<void>;
let problems: string[] = [];

beforeAll(async () => {
  ({ page, problems, close } = await openHarness('test/e2e/harness/remove-form-harness.tsx', 'Remove form', 'Remove Lee Leaver'));
});

afterAll(async () => {
  await close?.();
});

const dialog = () => page.getByRole('alertdialog', { name: 'Remove from team' });
const fate = (name: RegExp) => dialog().getByRole('radio', { name });
const wipe = () => dialog().getByRole('checkbox', { name: 'Wipe their linked devices' });
const shares = () => dialog().getByRole('checkbox', { name: 'Keep folders shared with them directly' });
const receiver = () => dialog().getByRole('combobox', { name: 'Transfer the files to' });
const notified = () => dialog().getByRole('combobox', { name: 'Admin told about transfer errors' });
const checks = () => page.evaluate(() => (window as unknown as { __checks: number }).__checks);
const params = () => page.evaluate(() => (window as unknown as { __params: unknown }).__params);

async function describedText(locator: ReturnType<typeof dialog>): Promise<string> {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

describe('remove form (harness, keyboard only)', () => {
  it('opens on "leave the files for now" with the wipe off, said in words, and axe finds nothing in either theme', async () => {
    await page.getByRole('button', { name: 'Remove Lee Leaver' }).focus();
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    expect(await dialog().getByRole('group', { name: 'What happens to their files?' }).isVisible()).toBe(true);
    expect(await fate(/^Leave them in the removed account/).isChecked()).toBe(true);
    expect(await wipe().isChecked()).toBe(false);
    expect(await describedText(wipe())).toContain('Off: files already on their linked computers and phones stay there.');
    expect(await describedText(fate(/^Permanently delete them/))).toContain('Cannot be undone');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('keeping the account switches the wipe off and locks it, and only then offers team shares', async () => {
    await fate(/^Leave them in the removed account/).focus();
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('input: Wipe their linked devices');
    await page.keyboard.press('Space');
    expect(await wipe().isChecked()).toBe(true);
    expect(await describedText(wipe())).toContain('On: their linked computers and phones delete their copies');
    await page.keyboard.press('Shift+Tab');
    // ↓ moves through a radio group and picks: later → transfer → keep.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await fate(/^Let the person keep them/).isChecked()).toBe(true);
    expect(await wipe().isChecked()).toBe(false);
    expect(await wipe().isDisabled()).toBe(true);
    expect(await describedText(wipe())).toContain('someone who keeps their account keeps the files on their devices');
    expect(await shares().isVisible()).toBe(true);
    expect(await receiver().count()).toBe(0);
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('input: Keep folders shared with them directly');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    expect(await params()).toEqual({ member: 'dbmid:h0', wipeData: false, keepAccount: true, retainTeamShares: true, permanentlyDeleteFiles: false });
  });

  it('deleting the files offers neither colleagues nor team shares', async () => {
    await fate(/^Let the person keep them/).focus();
    await page.keyboard.press('ArrowDown');
    expect(await fate(/^Permanently delete them/).isChecked()).toBe(true);
    expect(await shares().count()).toBe(0);
    expect(await receiver().count()).toBe(0);
    expect(await wipe().isDisabled()).toBe(false);
    await page.keyboard.press('Enter');
    expect(await params()).toEqual({ member: 'dbmid:h0', wipeData: false, keepAccount: false, retainTeamShares: false, permanentlyDeleteFiles: true });
  });

  it('a transfer needs both colleagues: each missing one is named under its field', async () => {
    await fate(/^Permanently delete them/).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await fate(/^Transfer them now/).isChecked()).toBe(true);
    expect(await shares().count()).toBe(0);
    await page.keyboard.press('Enter');
    expect(await params()).toBeNull();
    expect(await receiver().getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(receiver())).toContain('Choose a member.');
    expect(await describedText(notified())).toContain('Choose a member.');
    expect(await describedText(receiver())).toContain('49,997 members can be chosen');
  });

  it('the picker lists matches as you type, at most 50 of a big team, and Enter picks without submitting', async () => {
    await receiver().focus();
    await page.keyboard.type('person 1');
    const list = dialog().getByRole('listbox', { name: 'Transfer the files to' });
    await list.waitFor();
    expect(await list.getByRole('option').count()).toBe(50);
    expect(await describedText(receiver())).toMatch(/[\d,]+ members match: the first 50 are listed, type more to narrow\./);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('rita');
    expect(await list.getByRole('option').allTextContents()).toEqual(['Rita Receiver (rita.receiver@example.com)']);
    await page.keyboard.press('ArrowDown');
    const submitted = await checks();
    expect(await receiver().getAttribute('aria-activedescendant')).toBe(await list.getByRole('option').first().getAttribute('id'));
    expect(await list.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    expect(await receiver().inputValue()).toBe('rita.receiver@example.com');
    expect(await checks()).toBe(submitted);
    expect(await receiver().getAttribute('aria-expanded')).toBe('false');
    expect(await describedText(receiver())).toContain('Chosen: Rita Receiver (rita.receiver@example.com).');
    expect(await dialog().isVisible()).toBe(true);
  });

  it('offers neither the leaver, nor unverified members as recipients, nor anyone but active admins to notify', async () => {
    await receiver().focus();
    for (const [typed, shown] of [
      ['lee.leaver', 0],
      ['uma.unverified', 0],
    ] as const) {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(typed);
      expect(await describedText(receiver())).toContain('No member who can be chosen matches.');
      expect(await dialog().getByRole('option').count()).toBe(shown);
    }
    await page.keyboard.press('Control+A');
    await page.keyboard.type('rita.receiver@example.com');
    await notified().focus();
    await page.keyboard.type('a');
    const names = await dialog().getByRole('listbox', { name: 'Admin told about transfer errors' }).getByRole('option').allTextContents();
    expect(names).toEqual(['Ada Admin (ada.admin@example.com)']);
  });

  it('Escape closes an open list and leaves the dialog; the next Escape closes the dialog', async () => {
    expect(await notified().getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await notified().getAttribute('aria-expanded')).toBe('false');
    expect(await dialog().isVisible()).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await notified().inputValue()).toBe('ada.admin@example.com');
    await page.keyboard.press('Enter');
    expect(await params()).toEqual({
      member: 'dbmid:h0',
      wipeData: false,
      transferTo: 'rita.receiver@example.com',
      transferAdmin: 'ada.admin@example.com',
      keepAccount: false,
      retainTeamShares: false,
      permanentlyDeleteFiles: false,
    });
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => focusedControl(page)).toBe('button: Remove Lee Leaver');
    expect(problems).toEqual([]);
  });
});
