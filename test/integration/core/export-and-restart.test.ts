import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../preload/contract.js';
import { refreshTokenKey } from '../../../main/core/auth/sign-in.js';
import { startCore, type CoreFixture } from './core-fixture.js';

let core: CoreFixture;

/** Splits the simple CSVs of these tests (no quoted line breaks) into cells. */
function table(bytes: Buffer): string[][] {
  const text = bytes.subarray(3).toString('utf8');
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

beforeAll(async () => {
  core = await startCore({ members: 300 });
});
afterAll(() => core.service.close());

describe('member CSV export', () => {
  it('writes the whole team with the chosen columns, BOM and CRLF', async () => {
    const snap = await core.service.getDirectory({ includeRemoved: false });
    const result = await core.service.exportMembersCsv({ scope: { kind: 'team' }, columns: ['email', 'status', 'role'], preset: 'member_report' });
    expect(result).toEqual({ kind: 'saved', rows: snap.members.length, bytes: core.sink.last!.bytes.length, fileName: 'member-report-2026-05-17.csv' });
    const bytes = core.sink.last!.bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8').split('\r\n')).toHaveLength(snap.members.length + 2);
    const rows = table(bytes);
    expect(rows[0]).toEqual(['Email', 'Status', 'Role']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(snap.members.map((m) => m.email));
    expect(rows.find((r) => r[0].startsWith('sam.admin'))?.[2]).toBe('Team admin');
  });

  it('exports the whole team as the view shows it: no removed members after "Include removed" was turned off again', async () => {
    const withRemoved = await core.service.getDirectory({ includeRemoved: true });
    const shown = await core.service.getDirectory({ includeRemoved: false });
    expect(withRemoved.members.length).toBeGreaterThan(shown.members.length);
    const result = await core.service.exportMembersCsv({ scope: { kind: 'team', includeRemoved: false }, columns: ['email', 'status'], preset: 'member_report' });
    expect(result).toMatchObject({ kind: 'saved', rows: shown.members.length });
    expect(table(core.sink.last!.bytes).slice(1).map((r) => r[0])).toEqual(shown.members.map((m) => m.email));
    await core.service.exportMembersCsv({ scope: { kind: 'team', includeRemoved: true }, columns: ['email'] });
    expect(table(core.sink.last!.bytes)).toHaveLength(withRemoved.members.length + 1);
  });

  it('narrows the whole team by preset', async () => {
    const snap = await core.service.getDirectory({ includeRemoved: false });
    const result = await core.service.exportMembersCsv({ scope: { kind: 'team' }, columns: ['email', 'invited_on'], preset: 'pending_invites' });
    const invited = snap.members.filter((m) => m.status === 'invited');
    expect(result).toMatchObject({ kind: 'saved', rows: invited.length, fileName: 'pending-invites-2026-05-17.csv' });
    const rows = table(core.sink.last!.bytes).slice(1);
    expect(rows.map((r) => r[0])).toEqual(invited.map((m) => m.email));
    for (const r of rows) expect(r[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('writes exactly the members of the current view, in its order, with every column', async () => {
    const snap = await core.service.getDirectory({ includeRemoved: false });
    const view = [snap.members[5], snap.members[1], snap.members[9]];
    const result = await core.service.exportMembersCsv({ scope: { kind: 'members', ids: view.map((m) => m.id) }, columns: [...CSV_COLUMNS] });
    expect(result).toMatchObject({ kind: 'saved', rows: 3, fileName: 'members-2026-05-17.csv' });
    const rows = table(core.sink.last!.bytes);
    expect(rows[0]).toHaveLength(CSV_COLUMNS.length);
    expect(rows.slice(1).map((r) => r[9])).toEqual(view.map((m) => m.id));
  });

  it('neutralises a hostile name coming from Dropbox', async () => {
    const sb = core.service.sandboxTeam!.sandbox;
    const m = sb.store.state.members.find((x) => x.status === 'active' && x.roleIds.length === 0)!;
    m.givenName = '=HYPERLINK("http://evil.example","click")';
    sb.store.changed();
    await core.service.refreshDirectory({ includeRemoved: false });
    await core.service.exportMembersCsv({ scope: { kind: 'members', ids: [m.teamMemberId] }, columns: ['given_name'] });
    expect(core.sink.last!.bytes.subarray(3).toString('utf8')).toBe(`Given name\r\n"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`);
  });
});

describe('restart', () => {
  it('keeps the sandbox team in the data dir and signs in again when the old tokens are gone', async () => {
    const sb = core.service.sandboxTeam!;
    const renamed = sb.sandbox.store.state.members[3];
    renamed.surname = 'Persisted';
    sb.sandbox.store.changed();
    const oldToken = await core.secrets.get(refreshTokenKey('sandbox'));
    await core.service.close();
    expect(existsSync(join(core.dataDir, 'sandbox', 'team.json'))).toBe(true);
    expect(existsSync(join(core.dataDir, 'settings.json'))).toBe(true);

    core = await startCore({ members: 300 }, core);
    expect(await core.service.getActiveConnection()).toMatchObject({ state: 'connected' });
    const newToken = await core.secrets.get(refreshTokenKey('sandbox'));
    expect(newToken).not.toBe(oldToken);
    const snap = await core.service.getDirectory({ includeRemoved: true });
    expect(snap.members.find((m) => m.id === renamed.teamMemberId)?.surname).toBe('Persisted');
  });
});
