import { describe, expect, it } from 'vitest';
import type { MemberRow } from '../../../preload/contract.js';
import { MEMBER_ACTION_PARAMS } from '../../../preload/contract/member-actions.js';
import { editProfileSpec } from '../../../renderer/src/features/member-actions/specs/edit-profile.js';
import { inviteSpec } from '../../../renderer/src/features/member-actions/specs/invite.js';
import { FORM_ERROR, fieldErrors } from '../../../renderer/src/features/member-actions/field-errors.js';

/** What the forms turn into job items, checked with the schemas the engine plans with. */
const member: MemberRow = {
  id: 'dbmid:tk1000007',
  email: 'ada.chen@example-sandbox.com',
  name: 'Ada Chen',
  givenName: 'Ada',
  surname: 'Chen',
  status: 'active',
  roleIds: [],
  groupIds: [],
  externalId: 'EMP1007',
  membershipType: 'full',
  emailVerified: true,
};

function check(kind: keyof typeof MEMBER_ACTION_PARAMS, params: unknown) {
  return MEMBER_ACTION_PARAMS[kind].safeParse(params);
}

describe('edit profile form → parameters', () => {
  it('sends only the fields that differ from the row, trimmed', () => {
    const values = { ...editProfileSpec.initialValues(member), surname: '  Chen-Lovelace ', email: 'ADA.CHEN@example-sandbox.com' };
    expect(editProfileSpec.toParams(values, member)).toEqual({ member: member.id, surname: 'Chen-Lovelace' });
  });

  it('an untouched form is refused by the schema with the sentence the form shows, not sent as an empty change', () => {
    const result = check('member.edit-profile', editProfileSpec.toParams(editProfileSpec.initialValues(member), member));
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)[FORM_ERROR]).toMatch(/^Give at least one thing to change/);
  });

  it('a cleared external ID, a directory restriction and a persistent ID are sent as asked', () => {
    const values = { ...editProfileSpec.initialValues(member), externalId: '', persistentId: 'saml-77', directoryRestricted: 'on' as const };
    expect(editProfileSpec.toParams(values, member)).toEqual({ member: member.id, externalId: '', persistentId: 'saml-77', directoryRestricted: true });
  });

  it("the spec's limits come back keyed by the field they are about", () => {
    const values = { ...editProfileSpec.initialValues(member), givenName: 'x'.repeat(51), surname: 'a/b', email: 'nope' };
    const result = check('member.edit-profile', editProfileSpec.toParams(values, member));
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrors(result.error)).toEqual({
        givenName: 'A name has at most 50 characters.',
        surname: 'A name cannot contain / : ? * < > " or |.',
        email: 'This is not an email address Dropbox accepts (name@example.com).',
      });
    }
  });
});

describe('invite form → parameters', () => {
  it('leaves out empty optional fields and "no admin role"; a silent invite says so', () => {
    const values = { ...inviteSpec.initialValues(undefined), email: ' new.person@example.com ', givenName: 'New', sendWelcomeEmail: false };
    const params = inviteSpec.toParams(values, undefined);
    expect(params).toEqual({ email: 'new.person@example.com', givenName: 'New', sendWelcomeEmail: false });
    expect(check('member.invite', params).success).toBe(true);
  });

  it('an external ID over 64 characters is refused under its field', () => {
    const values = { ...inviteSpec.initialValues(undefined), email: 'a@example.com', externalId: 'E'.repeat(65) };
    const result = check('member.invite', inviteSpec.toParams(values, undefined));
    expect(result.success).toBe(false);
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toEqual(['externalId']);
  });
});
