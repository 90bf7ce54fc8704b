import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Dropbox, team } from 'dropbox';
import type { Locator, Page } from 'playwright-core';
import { clearSearch, memberCount, memberRows, openApp, type BrowserSession } from './support/browser-session.js';
import { sandboxAdmin } from './support/sandbox-admin.js';
import { e2eSetting } from './support/e2e-env.js';
import { axeViolations, focusedControl, openZoomed, recordAnnouncements } from './support/a11y.js';

/**
 * The member action dialogs against the app's built-in sandbox team: each
 * action opened by keyboard from the row menu (and from the sheet), its plan
 * reviewed, confirmed, its result read, and the change checked both in the
 * directory row and in the sandbox itself through the real SDK.
 */
let session: BrowserSession;
let page: Page;
let dbx: Dropbox;

beforeAll(async () => {
  dbx = await sandboxAdmin(e2eSetting('sandboxUrl'), process.env.TK_E2E_SANDBOX_TOKEN);
  session = await openApp();
  page = session.page;
});

afterAll(async () => {
  await session?.close();
});

// One failed step must not leave a dialog over the next test.
afterEach(async () => {
  for (let i = 0; i < 3 && (await page.locator('[role="dialog"], [role="alertdialog"], [role="menu"]').count()) > 0; i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(100);
  }
});

async function listMembers(): Promise<team.TeamMemberInfoV2[]> {
  let res = (await dbx.teamMembersListV2({ limit: 1000 })).result;
  const out = [...res.members];
  while (res.has_more) {
    res = (await dbx.teamMembersListContinueV2({ cursor: res.cursor })).result;
    out.push(...res.members);
  }
  return out;
}

async function infoOf(email: string): Promise<team.TeamMemberInfoV2 | undefined> {
  const res = (await dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'email', email }] })).result;
  const first = res.members_info[0];
  return first['.tag'] === 'member_info' ? first : undefined;
}

const status = (m: team.TeamMemberInfoV2) => m.profile.status['.tag'];
const nameOf = (m: team.TeamMemberInfoV2) => m.profile.name.display_name;
const plainActive = (members: team.TeamMemberInfoV2[]) => members.filter((m) => status(m) === 'active' && (m.roles ?? []).length === 0);

/** The sandbox's own record of a member (what the Dropbox API does not show, such as invitations sent). */
async function sandboxRecord(email: string): Promise<Record<string, unknown> | undefined> {
  const res = await fetch(new URL('/__sandbox/state', e2eSetting('sandboxUrl')));
  const state = (await res.json()) as { members: Array<Record<string, unknown>> };
  return state.members.find((m) => String(m.email).toLowerCase() === email.toLowerCase());
}

/** Presses Tab until `matches` holds for the focused element. */
async function tabUntil(matches: () => boolean, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(matches)) return;
  }
  throw new Error(`Focus never reached the target in ${max} Tab presses`);
}

/** Searches for one member and puts keyboard focus on their row, by keyboard only. */
async function focusRow(email: string): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search members' });
  await search.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(email);
  await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);
  await tabUntil(() => document.activeElement?.getAttribute('role') === 'row');
}

/** Shift+F10 on the focused row, then the menu item by arrow keys and Enter. */
async function chooseFromRowMenu(name: string, action: string): Promise<Locator> {
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  await menu.waitFor();
  const labels = await menu.getByRole('menuitem').allTextContents();
  const at = labels.findIndex((l) => l.startsWith(action));
  expect(at, `"${action}" in ${labels.join(', ')}`).toBeGreaterThanOrEqual(0);
  await expect.poll(() => focusedControl(page)).toBe(`menuitem: ${labels[0]}`);
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  return dialog;
}

/** Focuses a control and presses Enter, as a keyboard user would after tabbing to it. */
async function press(control: Locator): Promise<void> {
  await control.focus();
  await page.keyboard.press('Enter');
}

async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

async function expectNoAxe(): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
}

describe('member actions', () => {
  it('edit profile from the row menu, keyboard only: a bad name is refused in the form, the plan says what changes, the row and Dropbox change', async () => {
    const member = plainActive(await listMembers()).at(-1)!;
    const email = member.profile.email;
    await focusRow(email);
    const dialog = await chooseFromRowMenu(nameOf(member), 'Edit profile');
    expect(await focusedControl(page)).toBe('input: Given name');
    await expectNoAxe();

    const surname = dialog.getByRole('textbox', { name: 'Surname' });
    await typeInto(surname, 'Bad/Name');
    await page.keyboard.press('Enter');
    await expect.poll(() => surname.getAttribute('aria-invalid')).toBe('true');
    expect(await focusedControl(page)).toBe('input: Surname');
    const describedBy = (await surname.getAttribute('aria-describedby')) ?? '';
    const message = await page.evaluate((ids) => ids.split(' ').map((id) => document.getElementById(id)?.textContent).join(' '), describedBy);
    expect(message).toContain('A name cannot contain');
    expect(await dialog.getByRole('heading', { name: 'Review the plan' }).count()).toBe(0);

    const announced = await recordAnnouncements(page);
    await typeInto(surname, 'Renamed-E2E');
    await page.keyboard.press('Enter');
    const planHeading = dialog.getByRole('heading', { name: 'Review the plan' });
    await planHeading.waitFor();
    await expect.poll(() => focusedControl(page)).toBe('h3: Review the plan');
    expect(await dialog.textContent()).toContain('Sets the surname to "Renamed-E2E".');
    expect(await dialog.textContent()).toContain('team/members/set_profile_v2');
    expect(await dialog.textContent()).not.toContain('given name');
    await expectNoAxe();

    await press(dialog.getByRole('button', { name: 'Save changes' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await dialog.getByRole('listitem').first().textContent()).toContain('Done.');
    await dialog.getByRole('button', { name: 'Export results (CSV)' }).waitFor();
    await expectNoAxe();
    const said = (await announced()).filter((t) => /^(Plan ready|Running|Finished)/.test(t));
    expect(said).toEqual(['Plan ready. Review it, then confirm.', 'Running.', 'Finished: done.']);

    expect((await infoOf(email))?.profile.name.surname).toBe('Renamed-E2E');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memberRows(page).first().textContent()).toContain('Renamed-E2E');
    await expect.poll(() => focusedControl(page).then((f) => f.startsWith('row:'))).toBe(true);
  });

  it('a change Dropbox refuses ends as failed with the sentence and the Dropbox tag, in the dialog and in the exported CSV', async () => {
    const [taken, member] = plainActive(await listMembers()).slice(0, 2);
    await focusRow(member.profile.email);
    const dialog = await chooseFromRowMenu(nameOf(member), 'Edit profile');
    await typeInto(dialog.getByRole('textbox', { name: 'Email address' }), taken.profile.email);
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    await press(dialog.getByRole('button', { name: 'Save changes' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    const line = (await dialog.getByRole('listitem').first().textContent()) ?? '';
    expect(line).toMatch(/^Failed: .+\(Dropbox: email_reserved_for_other_user\)/);

    const download = page.waitForEvent('download');
    await press(dialog.getByRole('button', { name: 'Export results (CSV)' }));
    const file = await download;
    const csv = readFileSync(await file.path(), 'utf8');
    expect(csv).toContain('email_reserved_for_other_user');
    await dialog.getByRole('status').filter({ hasText: /is downloading/ }).waitFor();
    expect((await infoOf(member.profile.email))?.profile.email).toBe(member.profile.email);
  });

  it('change role from the member sheet: the new role shows on the row and in Dropbox', async () => {
    const member = plainActive(await listMembers()).at(-2)!;
    const email = member.profile.email;
    await focusRow(email);
    await page.keyboard.press('Enter');
    const sheet = page.getByRole('dialog', { name: nameOf(member) });
    await sheet.getByRole('heading', { name: 'Actions' }).waitFor();
    await press(sheet.getByRole('button', { name: 'Change role…' }));
    const dialog = page.getByRole('dialog', { name: 'Change role' });
    await dialog.waitFor();
    const role = dialog.getByRole('combobox', { name: 'New role' });
    await expect.poll(() => focusedControl(page)).toBe('select: New role');
    await role.selectOption({ label: 'Support admin' });
    // Enter on a select does not submit a form: Tab on to the button.
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('button: Cancel');
    await page.keyboard.press('Tab');
    expect(await focusedControl(page)).toBe('button: Review plan');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    expect(await dialog.textContent()).toContain('Role changes from Member (no admin role) to Support admin.');
    await press(dialog.getByRole('button', { name: 'Change role' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await dialog.textContent()).toContain('Done.');
    expect((await infoOf(email))?.roles?.map((r) => r.name)).toEqual(['Support admin']);

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Back on the sheet, at the button that opened the action.
    await expect.poll(() => focusedControl(page)).toBe('button: Change role…');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    await expect.poll(() => memberRows(page).first().textContent()).toContain('Support admin');
  });

  it('changing the last Team admin\'s role is blocked in the plan with the reason, and nothing is sent', async () => {
    const admins = (await listMembers()).filter((m) => status(m) === 'active' && (m.roles ?? []).some((r) => r.name === 'Team admin'));
    expect(admins).toHaveLength(1);
    const admin = admins[0];
    await focusRow(admin.profile.email);
    const dialog = await chooseFromRowMenu(nameOf(admin), 'Change role');
    await dialog.getByRole('combobox', { name: 'New role' }).selectOption({ label: 'Member (no admin role)' });
    await press(dialog.getByRole('button', { name: 'Review plan' }));
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    const text = (await dialog.textContent()) ?? '';
    expect(text).toContain('Blocked: nothing will be sent.');
    expect(text).toMatch(/Team admin role/);
    expect(await dialog.getByRole('button', { name: 'Change role' }).count()).toBe(0);
    await expectNoAxe();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await infoOf(admin.profile.email))?.roles?.map((r) => r.name)).toEqual(['Team admin']);
  });

  const invitee = `e2e.invitee.${Date.now().toString(36)}@example-sandbox.com`;

  it('invite from the toolbar, silent: the plan, the new Invited row, and the member in Dropbox', async () => {
    await clearSearch(page);
    const before = (await memberCount(page)).total;
    await press(page.getByRole('button', { name: 'Invite member…' }));
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await dialog.waitFor();
    expect(await focusedControl(page)).toBe('input: Email address');
    await typeInto(dialog.getByRole('textbox', { name: 'Email address' }), 'not-an-email');
    await page.keyboard.press('Enter');
    await dialog.getByText('This is not an email address Dropbox accepts').waitFor();

    await typeInto(dialog.getByRole('textbox', { name: 'Email address' }), invitee);
    await typeInto(dialog.getByRole('textbox', { name: 'Given name' }), 'Ines');
    await typeInto(dialog.getByRole('textbox', { name: 'Surname' }), 'Invitee');
    const welcome = dialog.getByRole('checkbox', { name: 'Send welcome email' });
    await welcome.focus();
    await page.keyboard.press('Space');
    expect(await welcome.isChecked()).toBe(false);
    await dialog.getByText('signs in through your single sign-on (SSO)').waitFor();
    await expectNoAxe();
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    expect(await dialog.textContent()).toContain('team/members/add_v2');
    await press(dialog.getByRole('button', { name: 'Send invite' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await dialog.textContent()).toContain('Done.');

    const info = await infoOf(invitee);
    expect(info && status(info)).toBe('invited');
    expect((await sandboxRecord(invitee))?.welcomeEmailsSent).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memberCount(page).then((c) => c.total)).toBe(before + 1);
    await focusRow(invitee);
    expect(await memberRows(page).first().textContent()).toContain('Invited');
  });

  it('inviting someone already on the team is a skip: the reason shows and nothing can run', async () => {
    const someone = plainActive(await listMembers())[0];
    await press(page.getByRole('button', { name: 'Invite member…' }));
    const dialog = page.getByRole('dialog', { name: 'Invite member' });
    await typeInto(dialog.getByRole('textbox', { name: 'Email address' }), someone.profile.email);
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    expect(await dialog.textContent()).toContain('Nothing to do: Already on the team.');
    expect(await dialog.getByRole('button', { name: 'Send invite' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('resend invite from the row menu: Dropbox sends the invitation again', async () => {
    const sentBefore = Number((await sandboxRecord(invitee))?.welcomeEmailsSent);
    await focusRow(invitee);
    const dialog = await chooseFromRowMenu('Ines Invitee', 'Resend invite');
    // Nothing to fill in: the dialog starts on Review plan.
    await expect.poll(() => focusedControl(page)).toBe('button: Review plan');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    await press(dialog.getByRole('button', { name: 'Resend invite' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await dialog.textContent()).toContain('Done.');
    expect((await sandboxRecord(invitee))?.welcomeEmailsSent).toBe(sentBefore + 1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('a job still running shows its progress; Escape closes the dialog, the job keeps running, and focus is back on the row', async () => {
    const sentBefore = Number((await sandboxRecord(invitee))?.welcomeEmailsSent);
    // Dropbox answers 429 "wait 2 s" once: the job stays running for that long.
    const fault = await fetch(new URL('/__sandbox/faults', e2eSetting('sandboxUrl')), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ route: 'team/members/send_welcome_email', fault: 429, retryAfter: 2, count: 1 }),
    });
    expect(fault.ok).toBe(true);
    await focusRow(invitee);
    const dialog = await chooseFromRowMenu('Ines Invitee', 'Resend invite');
    await expect.poll(() => focusedControl(page)).toBe('button: Review plan');
    await page.keyboard.press('Enter');
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    await press(dialog.getByRole('button', { name: 'Resend invite' }));
    await dialog.getByRole('heading', { name: 'Progress' }).waitFor();
    await dialog.getByText('keeps running and stays listed under Jobs').waitFor();
    expect(await dialog.getByRole('progressbar', { name: 'Items finished' }).count()).toBe(1);
    await expectNoAxe();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focusedControl(page).then((f) => f.startsWith('row:'))).toBe(true);
    await expect.poll(async () => Number((await sandboxRecord(invitee))?.welcomeEmailsSent), { timeout: 10_000 }).toBe(sentBefore + 1);
  });

  it('cancel invite from the row menu: the note says invitations cannot be suspended, and the row leaves the directory', async () => {
    await focusRow(invitee);
    const menuLabels = async () => {
      await page.keyboard.press('Shift+F10');
      const menu = page.getByRole('menu', { name: 'Actions for Ines Invitee' });
      const labels = await menu.getByRole('menuitem').allTextContents();
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      return labels;
    };
    expect(await menuLabels()).not.toContain('Suspend…');
    expect(await focusedControl(page)).toMatch(/^row:/);
    const dialog = await chooseFromRowMenu('Ines Invitee', 'Cancel invite');
    expect(await dialog.textContent()).toContain('Invited members cannot be suspended, only removed');
    await press(dialog.getByRole('button', { name: 'Review plan' }));
    await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
    await press(dialog.getByRole('button', { name: 'Cancel invite' }));
    await dialog.getByRole('heading', { name: 'Result' }).waitFor();
    expect(await dialog.textContent()).toContain('Done.');
    const info = await infoOf(invitee);
    expect(info === undefined || status(info) === 'removed').toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(0);
    await clearSearch(page);
  });

  it('the dialog in the dark theme at 400 % zoom: nothing cut off sideways and axe finds nothing on the form and the plan', async () => {
    const zoomed = await openZoomed(4, 'dark');
    try {
      const p = zoomed.page;
      await p.goto(e2eSetting('appUrl'));
      await p.getByRole('grid', { name: 'Members' }).waitFor();
      await p.getByRole('button', { name: 'Invite member…' }).click();
      const dialog = p.getByRole('dialog', { name: 'Invite member' });
      await dialog.waitFor();
      const cutOff = () =>
        dialog.evaluate((el) =>
          [...el.querySelectorAll('button, input, select')]
            .filter((c) => {
              const r = c.getBoundingClientRect();
              return r.width > 0 && (r.left < -1 || r.right > document.documentElement.clientWidth + 1);
            })
            .map((c) => c.outerHTML.slice(0, 60)),
        );
      expect(await cutOff()).toEqual([]);
      expect(await axeViolations(p)).toEqual([]);
      await dialog.getByRole('textbox', { name: 'Email address' }).fill(`e2e.zoom.${Date.now().toString(36)}@example-sandbox.com`);
      await dialog.getByRole('button', { name: 'Review plan' }).click();
      await dialog.getByRole('heading', { name: 'Review the plan' }).waitFor();
      expect(await cutOff()).toEqual([]);
      expect(await axeViolations(p)).toEqual([]);
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    } finally {
      await zoomed.close();
    }
    expect(session.problems).toEqual([]);
  });
});
