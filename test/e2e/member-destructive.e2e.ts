import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dropbox, team } from 'dropbox';
import type { Locator, Page } from 'playwright-core';
import { clearSearch, memberCount, memberRows, openApp, type BrowserSession } from './support/browser-session.js';
import { axeViolations, focusedControl } from './support/a11y.js';
import { sandboxAdmin } from './support/sandbox-admin.js';
import { e2eSetting } from './support/e2e-env.js';

/**
 * Suspend, unsuspend, remove (with a transfer, and leaving the files),
 * recover, a plan that blocks, and a state Dropbox refuses, through the
 * app's own menus and dialogs on its sandbox team, keyboard only for
 * suspend and remove. What the sandbox holds afterwards, and what it was
 * sent (its request log), is read through the real SDK and the control API.
 */
let session: BrowserSession;
let page: Page;
let dbx: Dropbox;
let sandboxUrl: string;
let me: team.TeamMemberProfile;
/** Members this file changes, chosen at the start from the end of the list, away from the ones other files name. */
let cast: Record<'suspendee' | 'leaver' | 'receiver' | 'recovered' | 'held' | 'erased', team.TeamMemberProfile>;

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${sandboxUrl}/__sandbox/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`/__sandbox/${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** How many calls of `route` the sandbox has answered so far (its request log). */
async function sent(route: string): Promise<number> {
  const { requests } = (await control('requests')) as { requests: Array<{ route: string }> };
  return requests.filter((r) => r.route === route).length;
}

async function statusOf(email: string): Promise<team.TeamMemberStatus> {
  const [item] = (await dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'email', email }] })).result.members_info;
  if (item['.tag'] !== 'member_info') throw new Error(`${email} is not on the team`);
  return item.profile.status;
}

beforeAll(async () => {
  sandboxUrl = e2eSetting('sandboxUrl');
  dbx = await sandboxAdmin(sandboxUrl, process.env.TK_E2E_SANDBOX_TOKEN);
  const admin = (await dbx.teamTokenGetAuthenticatedAdmin()).result.admin_profile;
  const listed = (await dbx.teamMembersListV2({ limit: 1000 })).result.members;
  me = listed.find((m) => m.profile.team_member_id === admin.team_member_id)!.profile;
  const plain = listed
    .filter((m) => m.profile.status['.tag'] === 'active' && m.profile.email_verified && (m.roles ?? []).length === 0)
    .map((m) => m.profile)
    .reverse();
  const [suspendee, leaver, receiver, recovered, held, erased] = plain;
  cast = { suspendee, leaver, receiver, recovered, held, erased };
  expect(erased, 'the sandbox team needs six plain active members').toBeDefined();
  session = await openApp();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

const actionDialog = (title: string) => page.getByRole('alertdialog', { name: title }).or(page.getByRole('dialog', { name: title })).first();

/** Presses Tab until `name` (as focusedControl words it) has focus. */
async function tabTo(name: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedControl(page)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Focus never reached "${name}" (at "${await focusedControl(page)}")`);
}

/**
 * Search for the member, Tab to their row, Enter opens their sheet, Tab to
 * the action's button, Enter: the action's dialog, over the sheet.
 */
async function openAction(member: team.TeamMemberProfile, button: string, title: string): Promise<Locator> {
  await clearSearch(page);
  const search = page.getByRole('searchbox', { name: 'Search members' });
  await search.focus();
  await page.keyboard.type(member.email);
  await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
  for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.getAttribute('role'))) !== 'row'; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(member.email);
  await page.keyboard.press('Enter');
  await sheet(member).getByRole('heading', { name: 'Actions' }).waitFor();
  await tabTo(`button: ${button}`);
  await page.keyboard.press('Enter');
  const dialog = actionDialog(title);
  await dialog.waitFor();
  return dialog;
}

const sheet = (member: team.TeamMemberProfile) => page.getByRole('dialog', { name: member.name.display_name });

/** Escape out of the action's dialog, then out of the member's sheet. */
async function closeAction(dialog: Locator, member: team.TeamMemberProfile): Promise<void> {
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  // A member who left the list (removed, with removed members hidden) takes their sheet with them.
  if (await sheet(member).count()) {
    await page.keyboard.press('Escape');
    await sheet(member).waitFor({ state: 'detached' });
  }
}

/** From the form: Review plan, then the plan is on screen. */
async function reviewPlan(dialog: Locator): Promise<void> {
  await tabTo('button: Review plan');
  await page.keyboard.press('Enter');
  await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
}

async function result(dialog: Locator): Promise<string> {
  await dialog.getByRole('heading', { name: 'Result' }).waitFor({ timeout: 20_000 });
  return (await dialog.locator('.job-results__items').textContent()) ?? '';
}

/** From the plan: the run button, then the typed email in the confirmation, then the result. */
async function runConfirmedByEmail(dialog: Locator, runLabel: string, email: string): Promise<string> {
  await tabTo(`button: ${runLabel}`);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: `${runLabel}?` });
  await confirm.getByRole('textbox', { name: `Type ${email} to confirm` }).fill(email);
  await confirm.getByRole('button', { name: runLabel }).click();
  return result(dialog);
}

/** Remove through the app, leaving the files in the removed account. */
async function removeLeavingFiles(member: team.TeamMemberProfile): Promise<void> {
  const dialog = await openAction(member, 'Remove from team…', 'Remove from team');
  await reviewPlan(dialog);
  expect(await runConfirmedByEmail(dialog, 'Remove from team', member.email)).toContain('Done.');
  await closeAction(dialog, member);
}

async function rowStatus(email: string): Promise<string> {
  await clearSearch(page);
  await page.getByRole('searchbox', { name: 'Search members' }).fill(email);
  await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
  return (await memberRows(page).first().locator('.cell--status').textContent()) ?? '';
}

describe('destructive member actions (browser mode, sandbox team)', () => {
  it('suspend with the wipe off, keyboard only: the plan says the licence stays in use, and the row shows Suspended', async () => {
    const { email } = cast.suspendee;
    const before = await sent('team/members/suspend');
    const dialog = await openAction(cast.suspendee, 'Suspend…', 'Suspend');
    const wipe = dialog.getByRole('checkbox', { name: 'Wipe their linked devices' });
    expect(await wipe.isChecked()).toBe(false);
    expect(await dialog.textContent()).toContain('Off: files already on their linked computers and phones stay there.');
    await reviewPlan(dialog);
    const plan = (await dialog.textContent()) ?? '';
    expect(plan).toContain('The licence stays in use while the member is suspended.');
    expect(plan).toContain('wipe linked devices: off');
    expect(await sent('team/members/suspend')).toBe(before);

    await tabTo('button: Suspend');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Suspend?' });
    await confirm.waitFor();
    // The destructive button is never where focus starts.
    expect(await focusedControl(page)).toBe('button: Cancel');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('button: Suspend');
    await page.keyboard.press('Enter');
    expect(await result(dialog)).toContain('Done.');
    expect((await statusOf(email))['.tag']).toBe('suspended');
    expect(await sent('team/members/suspend')).toBe(before + 1);
    await closeAction(dialog, cast.suspendee);
    await expect.poll(() => rowStatus(email)).toBe('Suspended');
  });

  it('unsuspend gives the access back', async () => {
    const { email } = cast.suspendee;
    const dialog = await openAction(cast.suspendee, 'Unsuspend…', 'Unsuspend');
    await reviewPlan(dialog);
    await tabTo('button: Unsuspend');
    await page.keyboard.press('Enter');
    expect(await result(dialog)).toContain('Done.');
    expect((await statusOf(email))['.tag']).toBe('active');
    await closeAction(dialog, cast.suspendee);
    await expect.poll(() => rowStatus(email)).toBe('Active');
  });

  it('remove form: a choice rules out what Dropbox refuses with it, and axe finds nothing on the form', async () => {
    const dialog = await openAction(cast.leaver, 'Remove from team…', 'Remove from team');
    const fate = (name: RegExp) => dialog.getByRole('radio', { name });
    const wipe = dialog.getByRole('checkbox', { name: 'Wipe their linked devices' });
    const shares = dialog.getByRole('checkbox', { name: 'Keep folders shared with them directly' });
    expect(await fate(/^Leave them in the removed account/).isChecked()).toBe(true);
    await fate(/^Leave them in the removed account/).focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await fate(/^Let the person keep them/).isChecked()).toBe(true);
    expect([await wipe.isDisabled(), await wipe.isChecked()]).toEqual([true, false]);
    expect(await shares.count()).toBe(1);
    await page.keyboard.press('ArrowDown');
    expect(await fate(/^Permanently delete them/).isChecked()).toBe(true);
    expect(await shares.count()).toBe(0);
    expect(await wipe.isDisabled()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await fate(/^Transfer them now/).isChecked()).toBe(true);
    await tabTo('button: Review plan');
    await page.keyboard.press('Enter');
    // Without colleagues nothing is planned: focus lands on the first field to fix.
    await expect.poll(() => focusedControl(page)).toBe('combobox: Transfer the files to');
    expect(await dialog.getByRole('heading', { name: 'Review the plan' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await closeAction(dialog, cast.leaver);
  });

  it('remove with a transfer to a colleague, keyboard only: a wrong email keeps the run button disabled, the right one runs', async () => {
    const { leaver, receiver } = cast;
    const before = await sent('team/members/remove');
    const dialog = await openAction(leaver, 'Remove from team…', 'Remove from team');
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: /^Transfer them now/ }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('combobox: Transfer the files to');
    await page.keyboard.type(receiver.name.display_name);
    await dialog.getByRole('option', { name: `${receiver.name.display_name} (${receiver.email})` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await dialog.getByRole('combobox', { name: 'Transfer the files to' }).inputValue()).toBe(receiver.email);
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('combobox: Admin told about transfer errors');
    await page.keyboard.type(me.email);
    await dialog.getByRole('option', { name: `${me.name.display_name} (${me.email})` }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await reviewPlan(dialog);
    const plan = (await dialog.textContent()) ?? '';
    expect(plan).toContain(`All files move now to ${receiver.email}`);
    expect(plan).toContain('Cannot be undone');
    expect(await axeViolations(page)).toEqual([]);

    await tabTo('button: Remove from team');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Remove from team?' });
    await confirm.waitFor();
    const phrase = confirm.getByRole('textbox', { name: `Type ${leaver.email} to confirm` });
    expect(await phrase.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(receiver.email);
    const run = confirm.getByRole('button', { name: 'Remove from team' });
    expect(await run.getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await confirm.getByText(`Type ${leaver.email} exactly, then confirm.`).waitFor();
    expect(await sent('team/members/remove')).toBe(before);
    expect((await statusOf(leaver.email))['.tag']).toBe('active');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(leaver.email);
    expect(await run.getAttribute('aria-disabled')).toBeNull();
    await page.keyboard.press('Enter');
    expect(await result(dialog)).toContain('Done.');
    const status = await statusOf(leaver.email);
    expect(status).toMatchObject({ '.tag': 'removed', is_recoverable: false });
    expect(await sent('team/members/remove')).toBe(before + 1);
    await closeAction(dialog, leaver);
    await clearSearch(page);
    await page.getByRole('searchbox', { name: 'Search members' }).fill(leaver.email);
    await page.getByRole('heading', { name: 'No members match' }).waitFor();
  });

  it('remove leaving the files for later, then recover from the removed list', async () => {
    const { email } = cast.recovered;
    const remove = await openAction(cast.recovered, 'Remove from team…', 'Remove from team');
    await reviewPlan(remove);
    expect(await remove.textContent()).toContain('recover the member within 7 days');
    await tabTo('button: Remove from team');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Remove from team?' });
    await confirm.getByRole('textbox', { name: `Type ${email} to confirm` }).fill(email);
    await confirm.getByRole('button', { name: 'Remove from team' }).click();
    expect(await result(remove)).toContain('Done.');
    expect(await statusOf(email)).toMatchObject({ '.tag': 'removed', is_recoverable: true });
    await closeAction(remove, cast.recovered);

    await page.getByRole('checkbox', { name: 'Include removed' }).check();
    await expect.poll(() => rowStatus(email)).toBe('Removed (recoverable)');
    const recover = await openAction(cast.recovered, 'Recover…', 'Recover');
    await reviewPlan(recover);
    await tabTo('button: Recover');
    await page.keyboard.press('Enter');
    expect(await result(recover)).toContain('Done.');
    expect((await statusOf(email))['.tag']).toBe('active');
    await closeAction(recover, cast.recovered);
    await expect.poll(() => rowStatus(email)).toBe('Active');
    await page.getByRole('checkbox', { name: 'Include removed' }).uncheck();
  });

  it('removing yourself is blocked in the plan with the reason, and nothing is sent', async () => {
    const before = await sent('team/members/remove');
    const dialog = await openAction(me, 'Remove from team…', 'Remove from team');
    await reviewPlan(dialog);
    const plan = (await dialog.textContent()) ?? '';
    expect(plan).toContain('Blocked: nothing will be sent.');
    expect(plan).toContain(`You cannot remove yourself: Teamkeeper is signed in as ${me.email}.`);
    expect(await dialog.getByRole('button', { name: 'Remove from team' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await closeAction(dialog, me);
    expect(await sent('team/members/remove')).toBe(before);
    expect((await statusOf(me.email))['.tag']).toBe('active');
  });

  it('keeping the account of a member under legal hold: Dropbox refuses, the result says why, and the member stays', async () => {
    const { email } = cast.held;
    await control('members/state', { email, legalHold: true });
    const dialog = await openAction(cast.held, 'Remove from team…', 'Remove from team');
    await dialog.getByRole('radio', { name: /^Let the person keep them/ }).check();
    await reviewPlan(dialog);
    await tabTo('button: Remove from team');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Remove from team?' });
    await confirm.getByRole('textbox', { name: `Type ${email} to confirm` }).fill(email);
    await confirm.getByRole('button', { name: 'Remove from team' }).click();
    expect(await result(dialog)).toContain('cannot_keep_account_under_legal_hold');
    expect((await statusOf(email))['.tag']).toBe('active');
    await closeAction(dialog, cast.held);
    await control('members/state', { email, legalHold: false });
    expect(session.problems).toEqual([]);
  });

  it("transfer files later: a removed member's files go to a colleague, after which they cannot be recovered", async () => {
    const { held, receiver } = cast;
    await removeLeavingFiles(held);
    expect(await statusOf(held.email)).toMatchObject({ '.tag': 'removed', is_recoverable: true });
    const before = await sent('team/members/move_former_member_files');
    await page.getByRole('checkbox', { name: 'Include removed' }).check();
    const dialog = await openAction(held, 'Transfer files…', 'Transfer files');
    const to = dialog.getByRole('combobox', { name: 'Transfer the files to' });
    await to.fill(receiver.email);
    await dialog.getByRole('combobox', { name: 'Admin told about transfer errors' }).fill(me.email);
    await reviewPlan(dialog);
    const plan = (await dialog.textContent()) ?? '';
    expect(plan).toContain(`files move to ${receiver.email}`);
    expect(plan).toContain('Cannot be undone');
    expect(await sent('team/members/move_former_member_files')).toBe(before);
    expect(await runConfirmedByEmail(dialog, 'Transfer files', held.email)).toContain('Done.');
    expect(await sent('team/members/move_former_member_files')).toBe(before + 1);
    expect(await statusOf(held.email)).toMatchObject({ '.tag': 'removed', is_recoverable: false });
    await closeAction(dialog, held);
    await page.getByRole('checkbox', { name: 'Include removed' }).uncheck();
  });

  it('permanently deleting a removed member\'s files says it cannot be undone, asks for the email, and leaves them unrecoverable', async () => {
    const { erased } = cast;
    await removeLeavingFiles(erased);
    await page.getByRole('checkbox', { name: 'Include removed' }).check();
    const dialog = await openAction(erased, 'Permanently delete files…', 'Permanently delete files');
    expect(await dialog.textContent()).toContain('Cannot be undone.');
    await reviewPlan(dialog);
    expect(await dialog.textContent()).toContain('This cannot be undone.');
    await tabTo('button: Permanently delete files');
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: 'Permanently delete files?' });
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('This cannot be undone.');
    expect(await confirm.getByRole('button', { name: 'Permanently delete files' }).getAttribute('aria-disabled')).toBe('true');
    await confirm.getByRole('textbox', { name: `Type ${erased.email} to confirm` }).fill(erased.email);
    await confirm.getByRole('button', { name: 'Permanently delete files' }).click();
    expect(await result(dialog)).toContain('Done.');
    expect(await statusOf(erased.email)).toMatchObject({ '.tag': 'removed', is_recoverable: false });
    await closeAction(dialog, erased);
    await page.getByRole('checkbox', { name: 'Include removed' }).uncheck();
    expect(session.problems).toEqual([]);
  });
});
