import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dropbox, DropboxAuth } from 'dropbox';
import type { Locator, Page } from 'playwright-core';
import { rewritingFetch } from '../../main/core/dropbox/rewrite-fetch.js';
import { openApp, memberCount, type BrowserSession } from './support/browser-session.js';
import { e2eSetting } from './support/e2e-env.js';
import {
  allowAsTeamAdmin,
  appRpc,
  clickForNewTab,
  connectedTeamItem,
  dropboxControl,
  findToken,
  openTeams,
  rendererMemory,
} from './support/connect-flow.js';
import { axeViolations } from './support/a11y.js';

/**
 * Connecting a team exactly as an admin connects a real one: the app is
 * started with --dropbox-url pointing at a separately started sandbox, so
 * the consent page, the redirect, the token exchange and the revoke all go
 * through that "Dropbox".
 */

let session: BrowserSession;
let page: Page;
/** The "Dropbox" sandbox's own admin view, through the real SDK with its CLI token. */
let dropbox: Dropbox;
let dropboxTeam: { name: string; licensed: number; provisioned: number; notRemoved: number };
/** Every /rpc answer the page received: none may carry a token either. */
const rpcBodies: string[] = [];
let knownTokens: string[];

const TEAM = 'Sandbox Team (practice data)';
const BADGE = 'Sandbox — practice data';
const RENAMED = 'Client A (practice)';
/** An app key registered with the sandbox playing Dropbox, lacking the members scopes. */
const NARROW_APP = 'tk-narrow-app';
const SESSION_NOTE = 'Sign-ins are kept only until Teamkeeper quits: in browser mode they are never written to disk';

const header = () => page.getByRole('banner');
const connectDialog = () => page.getByRole('dialog', { name: 'Connect your Dropbox team' });
const connectionStatus = () => header().getByRole('status');

async function countNotRemoved(dbx: Dropbox): Promise<number> {
  let res = (await dbx.teamMembersListV2({ limit: 1000 })).result;
  let n = res.members.length;
  while (res.has_more) {
    res = (await dbx.teamMembersListContinueV2({ cursor: res.cursor })).result;
    n += res.members.length;
  }
  return n;
}

function sdkWith(token: string): Dropbox {
  return new Dropbox({ auth: new DropboxAuth({ accessToken: token, fetch: rewritingFetch(e2eSetting('dropboxUrl')) }) });
}

async function expectNoTokenInRenderer(): Promise<void> {
  expect(findToken(await rendererMemory(page), knownTokens)).toBeUndefined();
  expect(findToken(rpcBodies.join('\n'), knownTokens)).toBeUndefined();
}

/** From the open app-key step: the key, a mode, then "Continue in browser"; returns the consent tab. */
async function continueInBrowser(dialog: Locator, mode: 'redirect' | 'paste'): Promise<Page> {
  await dialog.getByRole('textbox', { name: 'App key' }).fill(e2eSetting('dropboxClientId'));
  await dialog.getByRole('radio', { name: mode === 'redirect' ? 'Redirect to this app (recommended)' : "I'll paste a code" }).check();
  const consent = await clickForNewTab(session.context, dialog.getByRole('button', { name: 'Continue in browser' }));
  expect(consent.url().startsWith(`${e2eSetting('dropboxUrl')}/oauth2/authorize?`)).toBe(true);
  return consent;
}

beforeAll(async () => {
  dropbox = sdkWith(e2eSetting('dropboxToken'));
  const info = (await dropbox.teamGetInfo()).result;
  dropboxTeam = {
    name: info.name,
    licensed: info.num_licensed_users,
    provisioned: info.num_provisioned_users,
    notRemoved: await countNotRemoved(dropbox),
  };
  knownTokens = [e2eSetting('dropboxToken'), process.env.TK_E2E_SANDBOX_TOKEN ?? ''];
  session = await openApp();
  page = session.page;
  page.on('response', (res) => {
    if (new URL(res.url()).pathname === '/rpc') void res.text().then((t) => rpcBodies.push(t), () => undefined);
  });
});

afterAll(async () => {
  // The suite shares one app: leave it on the built-in team with nothing else connected.
  try {
    const list = (await appRpc('listConnections')) as Array<{ id: string; kind: string }>;
    for (const c of list) if (c.kind === 'dropbox') await appRpc('disconnect', { connectionId: c.id }).catch(() => undefined);
    await appRpc('switchConnection', { connectionId: 'sandbox' });
  } finally {
    await session?.close();
  }
});

describe('connecting a Dropbox team (the sandbox as Dropbox)', () => {
  it('recognises the tokens the sandbox issues (or the no-token checks below would prove nothing)', async () => {
    expect(findToken(`{"x":"${e2eSetting('dropboxToken')}"}`, [])).toBe(e2eSetting('dropboxToken'));
    expect(findToken('refresh tkr-' + 'Ab9_-'.repeat(8), [])).toBeDefined();
    expect(findToken(await rendererMemory(page), knownTokens)).toBeUndefined();
  });

  it('ends a denied consent with a clear message and a way to try again', async () => {
    await header().getByRole('button', { name: 'Connect your Dropbox team' }).click();
    const dialog = connectDialog();
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();
    const consent = await continueInBrowser(dialog, 'redirect');
    await consent.getByRole('button', { name: 'Deny' }).click();
    await consent.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await consent.close();
    const failure = dialog.getByRole('alert').filter({ has: page.getByRole('heading', { name: "Couldn't connect" }) });
    await failure.waitFor();
    expect(await failure.textContent()).toContain('Access was not allowed on the Dropbox page');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    expect(await dialog.getByRole('textbox', { name: 'App key' }).inputValue()).toBe(e2eSetting('dropboxClientId'));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await header().getByText(BADGE, { exact: true }).isVisible()).toBe(true);
  });

  it('names the permission to enable when the app key lacks a scope, and stays usable', async () => {
    // An app set up with team_info.read only: Dropbox refuses the scopes Teamkeeper asks for before any consent.
    await dropboxControl('apps', 'POST', { clientId: NARROW_APP, scopes: ['team_info.read'] });
    await header().getByRole('button', { name: 'Connect your Dropbox team' }).click();
    const dialog = connectDialog();
    // Browser mode keeps sign-ins in memory only, and the guide says so before the admin sets anything up.
    await dialog.getByText(SESSION_NOTE).waitFor();
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();
    await dialog.getByRole('textbox', { name: 'App key' }).fill(NARROW_APP);
    await dialog.getByRole('radio', { name: 'Redirect to this app (recommended)' }).check();
    const tab = await clickForNewTab(session.context, dialog.getByRole('button', { name: 'Continue in browser' }));
    await tab.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await tab.getByText('members.read').first().waitFor();
    await tab.close();

    const failure = dialog.getByRole('alert').filter({ has: page.getByRole('heading', { name: "Couldn't connect" }) });
    await failure.waitFor();
    expect(await failure.textContent()).toContain(
      "Teamkeeper needs the members.read permission. In the Dropbox App Console, open your app's Permissions tab, tick members.read, submit, then reconnect.",
    );
    await dialog.getByRole('button', { name: 'Try again' }).click();
    expect(await dialog.getByRole('textbox', { name: 'App key' }).inputValue()).toBe(NARROW_APP);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await header().getByText(BADGE, { exact: true }).isVisible()).toBe(true);
    expect((await appRpc('listConnections')) as unknown[]).toHaveLength(1);
    expect((await memberCount(page)).total).toBeGreaterThan(0);
    expect(session.problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });

  it('connects through the consent page and the redirect back to the app, then shows that team', async () => {
    expect(dropboxTeam.name).toBe(TEAM);
    await header().getByRole('button', { name: 'Connect your Dropbox team' }).click();
    const dialog = connectDialog();
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();

    // Main validates the key; its sentence shows next to the field.
    await dialog.getByRole('textbox', { name: 'App key' }).fill('not a key!');
    await dialog.getByRole('button', { name: 'Continue in browser' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'An app key has only letters, digits, - and _' }).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'App key' }).getAttribute('aria-invalid')).toBe('true');

    const consent = await continueInBrowser(dialog, 'redirect');
    await dialog.getByRole('status').filter({ hasText: 'Waiting for you to approve Teamkeeper in Dropbox' }).waitFor();
    expect(await dialog.getByRole('link', { name: 'Open the Dropbox page' }).getAttribute('href')).toBe(consent.url());
    const admin = await allowAsTeamAdmin(consent);
    await consent.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await consent.getByText('you can close this tab').waitFor();
    await consent.close();

    await dialog.getByRole('heading', { name: `Connected to ${TEAM}` }).waitFor();
    expect(await dialog.getByText(SESSION_NOTE).isVisible()).toBe(true);
    const facts = await dialog.locator('dl').textContent();
    expect(facts).toContain(`${dropboxTeam.provisioned} of ${dropboxTeam.licensed} licenses used`);
    expect(facts).toContain(`${admin.name} (${admin.email})`);
    await expectNoTokenInRenderer();
    await dialog.getByRole('button', { name: `Show ${TEAM}` }).click();
    await dialog.waitFor({ state: 'detached' });

    // The connected team, not the built-in one: no practice badge, its own directory.
    await expect.poll(() => header().getByText(BADGE, { exact: true }).count()).toBe(0);
    await header().getByRole('button', { name: `${TEAM} Switch team` }).waitFor();
    await expect.poll(() => connectionStatus().textContent()).toBe('Connected');
    await expect.poll(() => memberCount(page).catch(() => null), { timeout: 15_000 }).toEqual({ total: dropboxTeam.notRemoved, shown: dropboxTeam.notRemoved });
    // With a team connected, connecting one is no longer the header's main call to action.
    expect(await header().getByRole('button', { name: 'Connect your Dropbox team' }).getAttribute('class')).not.toContain('button--primary');
    await expectNoTokenInRenderer();
  });

  it('connects again with a pasted code, replacing the grant instead of adding the team twice', async () => {
    const panel = await openTeams(page);
    await panel.getByRole('button', { name: 'Connect another team' }).click();
    const dialog = connectDialog();
    await dialog.getByRole('button', { name: 'Next: enter the app key' }).click();

    let consent = await continueInBrowser(dialog, 'paste');
    await allowAsTeamAdmin(consent);
    const shownCode = await consent.getByLabel('Authorization code').inputValue();
    expect(shownCode.length).toBeGreaterThan(10);

    // A mistyped code is refused where it was entered; starting over works.
    await dialog.getByRole('textbox', { name: 'Authorization code' }).fill('not-the-code');
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByRole('button', { name: 'Start over' }).click();
    await consent.close();

    consent = await continueInBrowser(dialog, 'paste');
    await allowAsTeamAdmin(consent);
    const code = await consent.getByLabel('Authorization code').inputValue();
    await consent.close();
    // A typo no longer ends the attempt: the admin corrects the code, no second approval.
    await dialog.getByRole('textbox', { name: 'Authorization code' }).fill(`${code}x`);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'paste it again' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Authorization code' }).fill(code);
    await dialog.getByRole('button', { name: 'Connect' }).click();
    await dialog.getByRole('heading', { name: `Connected to ${TEAM}` }).waitFor();
    await dialog.getByRole('button', { name: `Show ${TEAM}` }).click();

    const list = await openTeams(page);
    expect(await list.getByRole('listitem').count()).toBe(2);
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
    await expectNoTokenInRenderer();
  });

  it('renames the connection; the Dropbox team name stays beside it', async () => {
    const panel = await openTeams(page);
    await connectedTeamItem(panel).getByRole('button', { name: /^Rename / }).click();
    const dialog = page.getByRole('dialog', { name: `Rename ${TEAM}` });
    const name = dialog.getByRole('textbox', { name: 'Name' });
    await name.fill('   ');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A name cannot be empty' }).waitFor();
    await name.fill(RENAMED);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const teams = header().getByRole('button', { name: /Switch team$/ });
    await expect.poll(() => teams.textContent()).toContain(RENAMED);
    expect(await teams.textContent()).toContain(TEAM);
    // Focus returns to the teams button, where the rename started.
    await expect.poll(() => teams.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('keeps working past the access-token lifetime (refresh mid-session)', async () => {
    const ttlMs = Number(e2eSetting('dropboxTokenTtl')) * 1000;
    await page.waitForTimeout(ttlMs + 500);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Refresh failed' }).count()).toBe(0);
    expect((await memberCount(page)).total).toBe(dropboxTeam.notRemoved);

    // Expired early at Dropbox's end, while the app still thinks the token is good.
    await dropboxControl('tokens/expire', 'POST');
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
    expect(await page.getByRole('alert').filter({ hasText: 'Refresh failed' }).count()).toBe(0);
    expect(await connectionStatus().textContent()).toBe('Connected');
    await expectNoTokenInRenderer();
  });

  it('switches to the built-in sandbox team and back', async () => {
    let panel = await openTeams(page);
    await panel.getByRole('button', { name: `Switch to ${TEAM}` }).click();
    await header().getByText(BADGE, { exact: true }).waitFor();
    await expect.poll(() => memberCount(page).then((c) => c.total).catch(() => null)).not.toBe(dropboxTeam.notRemoved);
    await expect.poll(() => memberCount(page).then((c) => c.total).catch(() => null)).toBeGreaterThan(0);

    panel = await openTeams(page);
    await panel.getByRole('button', { name: `Switch to ${RENAMED}` }).click();
    await expect.poll(() => header().getByText(BADGE, { exact: true }).count()).toBe(0);
    await expect.poll(() => memberCount(page).catch(() => null)).toEqual({ total: dropboxTeam.notRemoved, shown: dropboxTeam.notRemoved });
  });

  it('shows "Offline — retrying" while Dropbox cannot be reached, and recovers by itself', async () => {
    await dropboxControl('faults', 'POST', { route: '*', fault: 'drop', count: 100_000 });
    try {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect.poll(() => connectionStatus().textContent(), { timeout: 20_000 }).toBe('Offline — retrying');
      expect(await page.getByText('Teamkeeper keeps trying and reconnects by itself.').isVisible()).toBe(true);
    } finally {
      await dropboxControl('faults', 'DELETE');
    }
    await expect.poll(() => connectionStatus().textContent(), { timeout: 20_000 }).toBe('Connected');
    // What failed while offline loads again without a click.
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Refresh failed' }).count(), { timeout: 10_000 }).toBe(0);
    expect((await memberCount(page)).total).toBe(dropboxTeam.notRemoved);
  });

  it('asks to sign in again when Dropbox no longer knows the grant, and recovers after signing in', async () => {
    // The admin removed the app's access at Dropbox: its refresh token and every access token minted from it are gone.
    const { revoked } = (await dropboxControl('tokens/revoke', 'POST', { clientId: e2eSetting('dropboxClientId') })) as { revoked: number };
    expect(revoked).toBeGreaterThanOrEqual(1);

    await page.getByRole('button', { name: 'Refresh' }).click();
    const banner = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Sign in again' }) });
    await banner.waitFor({ timeout: 15_000 });
    await expect.poll(() => connectionStatus().textContent()).toBe('Needs sign-in');

    await banner.getByRole('button', { name: 'Sign in again' }).click();
    const dialog = page.getByRole('dialog', { name: `Sign in to ${RENAMED} again` });
    await dialog.waitFor();
    expect(await dialog.getByRole('textbox', { name: 'App key' }).inputValue()).toBe('');
    const consent = await continueInBrowser(dialog, 'redirect');
    await allowAsTeamAdmin(consent);
    await consent.getByText('you can close this tab').waitFor();
    await consent.close();
    await dialog.getByRole('heading', { name: `Connected to ${TEAM}` }).waitFor();
    await dialog.getByRole('button', { name: `Show ${TEAM}` }).click();

    await banner.waitFor({ state: 'detached' });
    await expect.poll(() => connectionStatus().textContent()).toBe('Connected');
    // Still the renamed connection, not a new one.
    expect(await header().getByRole('button', { name: /Switch team$/ }).textContent()).toContain(RENAMED);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('button', { name: 'Refresh' }).waitFor();
    await expect.poll(() => memberCount(page).catch(() => null)).toEqual({ total: dropboxTeam.notRemoved, shown: dropboxTeam.notRemoved });
    await expectNoTokenInRenderer();
  });

  it('disconnects after a confirmation naming the team, revoking the token at Dropbox', async () => {
    await dropboxControl('requests', 'DELETE');
    let panel = await openTeams(page);
    await panel.getByRole('button', { name: `Disconnect ${RENAMED}` }).click();
    const confirm = page.getByRole('alertdialog', { name: `Disconnect ${RENAMED}?` });
    // Disconnect is never the default: Enter on the initial focus cancels, and focus goes back to the teams button.
    await expect.poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => header().getByRole('button', { name: /Switch team$/ }).evaluate((el) => el === document.activeElement)).toBe(true);
    panel = await openTeams(page);
    expect(await connectedTeamItem(panel).count()).toBe(1);
    await panel.getByRole('button', { name: `Disconnect ${RENAMED}` }).click();
    expect(await confirm.textContent()).toContain('Teamkeeper will revoke its access and forget the token.');
    // The confirm dialog's model: focus starts on the safe choice, and axe finds nothing (the theme's own check is in accessibility.e2e.ts).
    await expect.poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    // The built-in team offers no disconnect.
    expect(await panel.getByRole('button', { name: `Disconnect ${TEAM}` }).count()).toBe(0);
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await confirm.waitFor({ state: 'detached' });
    // Its opener left with the teams panel: the teams button has focus, not the page.
    await expect.poll(() => header().getByRole('button', { name: /Switch team$/ }).evaluate((el) => el === document.activeElement)).toBe(true);

    await header().getByText(BADGE, { exact: true }).waitFor();
    const list = await openTeams(page);
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.keyboard.press('Escape');

    const { requests } = (await dropboxControl('requests')) as { requests: Array<{ route: string; status: number }> };
    expect(requests.filter((r) => r.route === 'auth/token/revoke').map((r) => r.status)).toEqual([200]);
    await expectNoTokenInRenderer();
    expect(session.problems.filter((p) => !/status of 4\d\d/.test(p))).toEqual([]);
  });
});
