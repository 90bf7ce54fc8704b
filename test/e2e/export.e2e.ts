import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dropbox } from 'dropbox';
import type { Download, Page } from 'playwright-core';
import { clearSearch, openApp, memberCount, type BrowserSession } from './support/browser-session.js';
import { sandboxAdmin } from './support/sandbox-admin.js';
import { e2eSetting } from './support/e2e-env.js';

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

async function exportAndDownload(): Promise<{ download: Download; text: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export', exact: true }).click()]);
  const path = await download.path();
  return { download, text: await readFile(path, 'utf8') };
}

describe('member report CSV (browser mode download)', () => {
  it('exports the current view with a BOM, a header row and neutralised formula cells', async () => {
    // A hostile name, as a member could set it on their own Dropbox profile.
    const { result } = await dbx.teamMembersListV2({ limit: 50 });
    const target = result.members.find((m) => m.profile.status['.tag'] === 'active' && (m.roles ?? []).length === 0)!;
    await dbx.teamMembersSetProfileV2({
      user: { '.tag': 'team_member_id', team_member_id: target.profile.team_member_id },
      new_given_name: '=cmd',
      new_surname: 'Formula',
      new_external_id: '@SUM(1)',
    });

    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('searchbox', { name: 'Search members' }).fill('=cmd');
    await expect.poll(() => memberCount(page).then((c) => c.shown)).toBe(1);

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CSV' });
    await dialog.waitFor();
    expect(await dialog.getByRole('radio', { name: /Current view \(1 member\)/ }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: /Member report/ }).isChecked()).toBe(true);
    await dialog.getByText('1 row will be exported', { exact: false }).waitFor();

    const { download, text } = await exportAndDownload();
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Name,Email,Status,Role,Groups,Joined on,Invited on,Suspended on,External ID');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    const cells = lines[1].split(',');
    expect(cells[0]).toBe("'=cmd Formula");
    expect(cells[1]).toBe(target.profile.email);
    expect(cells[2]).toBe('active');
    expect(cells[5]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(cells[8]).toBe("'@SUM(1)");
    await dialog.getByRole('status').filter({ hasText: 'Exported 1 row' }).waitFor();
    await page.keyboard.press('Escape');
    await clearSearch(page);
  });

  it('exports a preset over the whole team with the picked columns', async () => {
    const invited: string[] = [];
    let listing = (await dbx.teamMembersListV2({ limit: 1000 })).result;
    for (;;) {
      for (const m of listing.members) if (m.profile.status['.tag'] === 'invited') invited.push(m.profile.email);
      if (!listing.has_more) break;
      listing = (await dbx.teamMembersListContinueV2({ cursor: listing.cursor })).result;
    }

    await page.getByRole('button', { name: 'Export CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export CSV' });
    await dialog.getByRole('radio', { name: /Whole team/ }).check();
    await dialog.getByRole('radio', { name: /Pending invites/ }).check();
    expect(await dialog.getByRole('checkbox', { name: 'Invited on' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Team member ID' }).check();
    await dialog.getByRole('checkbox', { name: 'Groups' }).uncheck();

    const { text } = await exportAndDownload();
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Name,Email,Invited on,External ID,Team member ID');
    expect(lines.slice(1).map((l) => l.split(',')[1]).sort()).toEqual(invited.sort());
    await page.keyboard.press('Escape');
  });
});
