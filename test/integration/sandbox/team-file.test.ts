import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/index.js';
import { Sandbox } from '../../../main/sandbox/sandbox.js';
import { byId, sdkFor } from '../../support/sandbox-client.js';
import { accountIdFor } from '../../../main/sandbox/model/account-id.js';
import { readSnapshot } from '../../../main/sandbox/model/snapshot.js';

/** The saved team's files: snapshot + change log, torn and damaged lines, non-ASCII names. */
describe('sandbox team file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tk-sandbox-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function teamWithLoggedWrite(name: string): Promise<{ file: string; log: string; memberId: string }> {
    const file = join(dir, name);
    const sb = await startSandbox({ members: 20, statePath: file });
    const m = sb.sandbox.store.state.members.find((x) => x.status === 'active' && x.roleIds.length === 0)!;
    try {
      await sdkFor(sb).teamMembersSetProfileV2({ user: byId(m), new_surname: 'Łukasz O’Brien' });
    } finally {
      await sb.close();
    }
    const log = readdirSync(dir).find((f) => f.startsWith(`${name}.log.`))!;
    return { file, log: join(dir, log), memberId: m.teamMemberId };
  }

  it('gives a team saved with short account ids the 40-character ones, in memory and on disk', () => {
    const file = join(dir, 'short-ids.json');
    new Sandbox({ members: 20, statePath: file }).close();
    // As a sandbox from before 40-character ids saved it: one whole JSON file (format 1), short ids.
    const saved = readSnapshot(file)!.state;
    saved.members.forEach((m, i) => (m.accountId = `dbid:old${i}`));
    writeFileSync(file, JSON.stringify(saved));
    const want = saved.members.map((_, i) => accountIdFor(`old${i}`));

    const sb = new Sandbox({ statePath: file });
    try {
      expect(sb.store.state.members.map((m) => m.accountId)).toEqual(want);
      expect(want.every((id) => id.length === 40)).toBe(true);
    } finally {
      sb.close();
    }
    // Saved upgraded, so the files alone hold the ids the API has been answering with.
    const onDisk = readSnapshot(file)!.state;
    expect(onDisk.members.map((m) => m.accountId)).toEqual(want);
  });

  it('writes the snapshot as ASCII and keeps non-ASCII names exact', async () => {
    const { file, memberId } = await teamWithLoggedWrite('ascii.json');
    const sb = new Sandbox({ statePath: file });
    try {
      // Fold the log in, so the name is in the snapshot itself.
      expect(await sb.compact()).toBe(true);
      expect(sb.store.memberById(memberId)!.surname).toBe('Łukasz O’Brien');
    } finally {
      sb.close();
    }
    expect(isAscii(readFileSync(file))).toBe(true);
    const again = new Sandbox({ statePath: file });
    try {
      expect(again.store.memberById(memberId)!.surname).toBe('Łukasz O’Brien');
    } finally {
      again.close();
    }
  });

  it('loads a team saved in the older plain-JSON format, replays its log, and saves it in the new format on its own', async () => {
    const { file, memberId } = await teamWithLoggedWrite('format-1.json');
    // As a sandbox from before the columnar format saved it: the state as plain JSON, logGen beside its fields.
    const { state, logGen } = readSnapshot(file)!;
    writeFileSync(file, JSON.stringify({ ...state, logGen }));
    expect(readSnapshot(file)!.version).toBe(1);
    const sb = new Sandbox({ statePath: file });
    try {
      expect(sb.store.memberById(memberId)!.surname).toBe('Łukasz O’Brien');
      await expect.poll(() => readSnapshot(file)!.version, { timeout: 10_000 }).toBe(2);
    } finally {
      sb.close();
    }
    const again = new Sandbox({ statePath: file });
    try {
      expect(JSON.parse(JSON.stringify(again.store.state))).toEqual(JSON.parse(JSON.stringify(sb.store.state)));
    } finally {
      again.close();
    }
  });

  it('refuses a snapshot whose columns do not add up, naming the file', () => {
    const file = join(dir, 'bad-columns.json');
    writeFileSync(file, '{"version":2,"logGen":1,"state":{"t":"o","k":["version","members"],"c":[{"t":"p","v":[1]}]}}');
    expect(() => new Sandbox({ statePath: file })).toThrow(/bad-columns\.json is damaged: an object table has a column count/);
    writeFileSync(file, '{"version":2,"logGen":1,"state":{"t":"p","v":["not a team"]}}');
    expect(() => new Sandbox({ statePath: file })).toThrow(/bad-columns\.json is damaged: it holds no sandbox team/);
  });

  it('ignores a torn last line of the change log (a write cut off by a kill was never acknowledged)', async () => {
    const { file, log, memberId } = await teamWithLoggedWrite('torn.json');
    appendFileSync(log, '{"members":[{"teamMemberId":"dbmid:x"');
    const sb = new Sandbox({ statePath: file });
    try {
      expect(sb.store.memberById(memberId)!.surname).toBe('Łukasz O’Brien');
      expect(sb.store.memberById('dbmid:x')).toBeUndefined();
    } finally {
      sb.close();
    }
  });

  it('refuses a change log damaged before its last line, naming the file and line', async () => {
    const { file, log } = await teamWithLoggedWrite('damaged.json');
    const good = readFileSync(log, 'utf8');
    appendFileSync(log, `not json\n${good}`);
    expect(() => new Sandbox({ statePath: file })).toThrow(/damaged\.json\.log\.\d+ is damaged at line 2/);
  });
});
