import { describe, expect, it } from 'vitest';
import { connectionName, licenseUse, SANDBOX_BADGE, secondaryTeamName } from '../../../renderer/src/features/connections/connection-names.js';
import { fieldMessage } from '../../../renderer/src/components/field-message.js';

describe('connection names', () => {
  it('shows the sandbox by its team name while its label is the badge text', () => {
    const sandbox = { kind: 'sandbox' as const, label: SANDBOX_BADGE, teamName: 'Sandbox Team (practice data)' };
    expect(connectionName(sandbox)).toBe('Sandbox Team (practice data)');
    expect(secondaryTeamName(sandbox)).toBeUndefined();
    expect(connectionName({ ...sandbox, label: 'Training' })).toBe('Training');
  });

  it('shows a renamed team with its Dropbox name beside it, and the name once when they agree', () => {
    expect(connectionName({ kind: 'dropbox', label: 'Client A', teamName: 'Acme Corp' })).toBe('Client A');
    expect(secondaryTeamName({ kind: 'dropbox', label: 'Client A', teamName: 'Acme Corp' })).toBe('Acme Corp');
    expect(secondaryTeamName({ kind: 'dropbox', label: 'Acme Corp', teamName: 'Acme Corp' })).toBeUndefined();
  });

  it('states license use', () => {
    expect(licenseUse({ licensed: 15, provisioned: 12 })).toBe('12 of 15 licenses used');
    expect(licenseUse({ licensed: 1, provisioned: 1 })).toBe('1 of 1 license used');
    expect(licenseUse({ licensed: 2500, provisioned: 1234 })).toBe('1,234 of 2,500 licenses used');
    expect(licenseUse(undefined)).toBeUndefined();
  });

  it('keeps only the sentence of an argument error for the field', () => {
    expect(fieldMessage({ code: 'invalid_argument', message: 'Invalid argument for startConnect: appKey: Enter your app key' })).toBe('Enter your app key');
    expect(fieldMessage({ code: 'invalid_argument', message: 'Invalid argument for renameConnection: label: A name cannot be empty' })).toBe(
      'A name cannot be empty',
    );
    // An empty key breaks two rules; the admin sees the first sentence, not the second rule's field path.
    expect(
      fieldMessage({ code: 'invalid_argument', message: 'Invalid argument for startConnect: appKey: Enter your app key; appKey: An app key has only letters, digits, - and _' }),
    ).toBe('Enter your app key');
    expect(fieldMessage({ code: 'auth_failed', message: 'Invalid argument for x: y: z' })).toBe('Invalid argument for x: y: z');
  });
});
