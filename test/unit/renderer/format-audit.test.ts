import { describe, expect, it } from 'vitest';
import { MEMBER_ACTION_PARAMS } from '../../../preload/contract/member-actions.js';
import { ACTION_KINDS, actionWords, auditFilterOf, EMPTY_AUDIT_FORM, entryMember, summariseOptions } from '../../../renderer/src/features/audit/format-audit.js';

describe('audit entries in words', () => {
  it('offers every member action the engine knows, each in words', () => {
    expect([...ACTION_KINDS].sort()).toEqual(Object.keys(MEMBER_ACTION_PARAMS).sort());
    for (const kind of ACTION_KINDS) expect(actionWords(kind)).not.toBe(kind);
    expect(actionWords('member.invite')).toBe('Invite');
    // An action written by a newer version still shows, as its kind.
    expect(actionWords('group.create')).toBe('group.create');
  });

  it('summarises options on one line without the member, booleans as yes/no', () => {
    expect(summariseOptions({ member: 'a@example.com', wipeData: false, keepAccount: true, transferTo: 'b@example.com' })).toBe(
      'wipe linked devices: no · keep account: yes · transfer files to: b@example.com',
    );
    expect(summariseOptions({ roleId: null, externalId: 'E-1', givenName: 'Ann' })).toBe('role: none · external ID: E-1 · given name: Ann');
    expect(summariseOptions({})).toBe('');
    expect(summariseOptions('not options')).toBe('');
  });

  it('names the member by email when known, else by id', () => {
    expect(entryMember({ member: { id: 'dbmid:1', email: 'a@example.com' } })).toBe('a@example.com');
    expect(entryMember({ member: { id: 'dbmid:1' } })).toBe('dbmid:1');
  });
});

describe('the audit filter form', () => {
  it('turns filled fields into the filter and leaves empty ones out', () => {
    expect(auditFilterOf(EMPTY_AUDIT_FORM)).toEqual({ filter: {} });
    expect(auditFilterOf({ member: '  a@example.com ', action: 'member.suspend', outcome: 'failed', from: '2026-05-01', to: '2026-05-31' })).toEqual({
      filter: { member: 'a@example.com', action: 'member.suspend', outcome: 'failed', from: '2026-05-01', to: '2026-05-31' },
    });
  });

  it('refuses dates in the wrong order or not dates, with a sentence', () => {
    expect(auditFilterOf({ ...EMPTY_AUDIT_FORM, from: '2026-06-01', to: '2026-05-01' })).toEqual({ problem: 'The start date is after the end date.' });
    expect(auditFilterOf({ ...EMPTY_AUDIT_FORM, to: '2026-13-45' })).toEqual({ problem: 'The end date is not a date (yyyy-mm-dd).' });
    expect(auditFilterOf({ ...EMPTY_AUDIT_FORM, member: 'x'.repeat(256) })).toHaveProperty('problem');
  });
});
