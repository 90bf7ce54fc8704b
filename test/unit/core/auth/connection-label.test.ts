import { describe, expect, it } from 'vitest';
import { labelFor } from '../../../../main/core/auth/connections.js';
import { MAX_LABEL, parseSettings } from '../../../../main/core/settings/settings.js';

describe('a new connection label', () => {
  it('is the team name when it fits', () => {
    expect(labelFor('Acme Ltd')).toBe('Acme Ltd');
  });

  it('is shortened so settings still accept it', () => {
    const label = labelFor('A'.repeat(500));
    expect(label).toHaveLength(MAX_LABEL);
    const settings = parseSettings({ version: 1, connections: [{ id: 'dbx-1', kind: 'dropbox', label }] });
    expect(settings.connections[0].label).toBe(label);
  });

  it('is never empty', () => {
    expect(labelFor('   ')).toBe('Dropbox team');
  });
});
