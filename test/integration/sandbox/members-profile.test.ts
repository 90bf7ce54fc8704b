import { describe, expect, it } from 'vitest';
import type { team } from 'dropbox';
import { byId, routeErrorTag, sdkError } from '../../support/sandbox-client.js';
import { sandboxSuite } from '../../support/sandbox-suite.js';

describe('sandbox: members/set_profile_v2 through the real SDK', () => {
  const suite = sandboxSuite();

  const tagOf = (arg: team.MembersSetProfileArg) => routeErrorTag(suite.sb.dbx.teamMembersSetProfileV2(arg));

  it('changes email, names and external id and re-keys the lookups', async () => {
    const m = suite.plain[0];
    const oldEmail = m.email;
    const res = await suite.sb.dbx.teamMembersSetProfileV2({
      user: byId(m),
      new_email: 'renamed.person@example-sandbox.com',
      new_given_name: 'Renée',
      new_surname: 'Person',
      new_external_id: 'EMP-NEW-1',
      new_is_directory_restricted: true,
    });
    const p = res.result.member_info.profile;
    expect(p.email).toBe('renamed.person@example-sandbox.com');
    expect(p.name.display_name).toBe('Renée Person');
    expect(p.external_id).toBe('EMP-NEW-1');
    expect(p.is_directory_restricted).toBe(true);

    const store = suite.sb.sandbox.store;
    expect(store.memberByEmail(oldEmail)).toBeUndefined();
    expect(store.memberByEmail('RENAMED.person@example-sandbox.com')).toBe(m);
    expect(store.memberByExternalId('EMP-NEW-1')).toBe(m);
    const info = await suite.sb.dbx.teamMembersGetInfoV2({ members: [{ '.tag': 'external_id', external_id: 'EMP-NEW-1' }] });
    expect(info.result.members_info[0]['.tag']).toBe('member_info');
  });

  it('clears an external id when given an empty one', async () => {
    const m = suite.plain.find((x) => x.externalId)!;
    const old = m.externalId!;
    const res = await suite.sb.dbx.teamMembersSetProfileV2({ user: byId(m), new_external_id: '' });
    expect(res.result.member_info.profile.external_id).toBeUndefined();
    expect(suite.sb.sandbox.store.memberByExternalId(old)).toBeUndefined();
  });

  it('sets a persistent id and refuses it for a second member', async () => {
    const res = await suite.sb.dbx.teamMembersSetProfileV2({ user: byId(suite.plain[1]), new_persistent_id: 'saml-77' });
    expect(res.result.member_info.profile.persistent_id).toBe('saml-77');
    expect(await tagOf({ user: byId(suite.plain[2]), new_persistent_id: 'saml-77' })).toBe('persistent_id_used_by_other_user');
  });

  it('answers the spec error tags', async () => {
    const [a, b] = [suite.plain[3], suite.plain.find((x) => x !== suite.plain[3] && x.externalId)!];
    expect(await tagOf({ user: { '.tag': 'email', email: 'nobody@example-sandbox.com' }, new_surname: 'X' })).toBe('user_not_found');
    expect(await tagOf({ user: byId(a) })).toBe('no_new_data_specified');
    expect(await tagOf({ user: { '.tag': 'external_id', external_id: b.externalId! }, new_external_id: 'Z' })).toBe('external_id_and_new_external_id_unsafe');
    expect(await tagOf({ user: byId(a), new_email: '' })).toBe('param_cannot_be_empty');
    expect(await tagOf({ user: byId(a), new_email: b.email })).toBe('email_reserved_for_other_user');
    expect(await tagOf({ user: byId(a), new_external_id: b.externalId })).toBe('external_id_used_by_other_user');
    expect(a.email).not.toBe(b.email);
  });

  it('refuses to modify a removed member', async () => {
    const m = suite.plain[4];
    m.status = 'removed';
    m.removal = { on: suite.sb.sandbox.store.clock.now(), isDisconnected: false, unrecoverable: false };
    expect(await tagOf({ user: byId(m), new_given_name: 'Ghost' })).toBe('set_profile_disallowed');
    expect(m.givenName).not.toBe('Ghost');
  });

  it('answers 400 for a name with forbidden characters', async () => {
    const e = await sdkError(suite.sb.dbx.teamMembersSetProfileV2({ user: byId(suite.plain[5]), new_given_name: 'a/b' }));
    expect(e.status).toBe(400);
  });
});
