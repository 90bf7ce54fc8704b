import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAscii } from 'node:buffer';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../main/sandbox/index.js';
import { Sandbox } from '../../../main/sandbox/sandbox.js';
import { byId, sdkFor } from '../../support/sandbox-client.js';

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
