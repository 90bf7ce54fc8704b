import { describe, expect, it } from 'vitest';
import { MEMBER_ACTION_PARAMS, type MemberActionKind } from '../../../../preload/contract/member-actions.js';
import type { MemberStatus } from '../../../../preload/contract.js';
import type { MemberActionSpec } from '../../../../renderer/src/features/member-actions/action-spec.js';
import { deleteFormerMemberFilesSpec } from '../../../../renderer/src/features/member-actions/specs/delete-former-member-files.js';
import { moveFormerMemberFilesSpec } from '../../../../renderer/src/features/member-actions/specs/move-former-member-files.js';
import { recoverSpec } from '../../../../renderer/src/features/member-actions/specs/recover.js';
import { removeSpec } from '../../../../renderer/src/features/member-actions/specs/remove.js';
import { suspendSpec } from '../../../../renderer/src/features/member-actions/specs/suspend.js';
import { unsuspendSpec } from '../../../../renderer/src/features/member-actions/specs/unsuspend.js';
import { memberRow } from '../member-fixtures.js';

// The registry itself pulls in the app's store and api (window): the menus are covered end to end.
const specs = [suspendSpec, unsuspendSpec, removeSpec, recoverSpec, moveFormerMemberFilesSpec, deleteFormerMemberFilesSpec] as unknown as readonly MemberActionSpec<Record<string, unknown>>[];
const spec = (kind: MemberActionKind) => specs.find((s) => s.kind === kind)!;

const rows = {
  active: memberRow({ name: 'Ann Active' }),
  invited: memberRow({ name: 'Ivy Invited', status: 'invited' }),
  suspended: memberRow({ name: 'Sue Suspended', status: 'suspended' }),
  recoverable: memberRow({ name: 'Rae Recoverable', status: 'removed', recoverable: true }),
  gone: memberRow({ name: 'Gus Gone', status: 'removed', recoverable: false }),
} satisfies Record<string, { status: MemberStatus }>;

function offeredTo(kind: MemberActionKind): string[] {
  return Object.entries(rows)
    .filter(([, row]) => spec(kind).appliesTo(row))
    .map(([k]) => k);
}

describe('destructive member action specs', () => {
  it('are offered only to the members Dropbox lets them act on', () => {
    expect(offeredTo('member.suspend')).toEqual(['active']);
    expect(offeredTo('member.unsuspend')).toEqual(['suspended']);
    // Invited members are removed through "Cancel invite", which sends members/remove without the leaver's options.
    expect(offeredTo('member.remove')).toEqual(['active', 'suspended']);
    expect(offeredTo('member.recover')).toEqual(['recoverable']);
    expect(offeredTo('member.move-former-member-files')).toEqual(['recoverable', 'gone']);
    expect(offeredTo('member.delete-former-member-files')).toEqual(['recoverable', 'gone']);
  });

  it('take access or files away behind a destructive dialog; unsuspend and recover give them back', () => {
    expect(specs.filter((s) => s.destructive).map((s) => s.kind)).toEqual(['member.suspend', 'member.remove', 'member.move-former-member-files', 'member.delete-former-member-files']);
  });

  it("turn their first values into a job item the action's own schema accepts, naming the member by id", () => {
    const member = { 'member.suspend': rows.active, 'member.unsuspend': rows.suspended, 'member.remove': rows.active, 'member.recover': rows.recoverable };
    for (const [kind, row] of Object.entries(member) as [MemberActionKind, typeof rows.active][]) {
      const params = spec(kind).toParams(spec(kind).initialValues(row), row);
      expect(MEMBER_ACTION_PARAMS[kind].safeParse(params).success, kind).toBe(true);
      expect((params as { member: string }).member).toBe(row.id);
    }
  });

  it('suspend starts with the wipe off and sends exactly what was chosen', () => {
    const suspend = spec('member.suspend');
    expect(suspend.initialValues(rows.active)).toEqual({ wipeData: false });
    expect(suspend.toParams({ wipeData: true }, rows.active)).toEqual({ member: rows.active.id, wipeData: true });
  });

  it('"transfer files" needs both colleagues: the schema names each missing field', () => {
    const transfer = spec('member.move-former-member-files');
    const empty = MEMBER_ACTION_PARAMS['member.move-former-member-files'].safeParse(transfer.toParams(transfer.initialValues(rows.gone), rows.gone));
    expect(new Set(empty.error?.issues.map((i) => i.path.join('.')))).toEqual(new Set(['transferAdmin', 'transferTo']));
    const chosen = transfer.toParams({ transferTo: 'ann.active@example.com ', transferAdmin: 'ada.admin@example.com' }, rows.gone);
    expect(chosen).toEqual({ member: rows.gone.id, transferTo: 'ann.active@example.com', transferAdmin: 'ada.admin@example.com' });
    expect(MEMBER_ACTION_PARAMS['member.move-former-member-files'].safeParse(chosen).success).toBe(true);
  });

  it('have distinct labels for the menus', () => {
    expect(new Set(specs.map((s) => s.label)).size).toBe(specs.length);
  });
});
