import { describe, expect, it } from 'vitest';
import { confirmationMatches } from '../../../../preload/confirmation.js';

describe('confirmationMatches: the one "type X to confirm" rule of the dialog and the job engine', () => {
  it('an email matches in any case, with surrounding spaces ignored', () => {
    expect(confirmationMatches('  Ada.Lovelace@Example.COM ', 'ada.lovelace@example.com')).toBe(true);
    expect(confirmationMatches('ada.lovelace@example.co', 'ada.lovelace@example.com')).toBe(false);
  });

  it('a count or a name must match exactly (spaces around aside); nothing typed never matches', () => {
    expect(confirmationMatches(' 12 ', '12')).toBe(true);
    expect(confirmationMatches('120', '12')).toBe(false);
    expect(confirmationMatches('Acme', 'Acme')).toBe(true);
    expect(confirmationMatches('acme', 'Acme')).toBe(false);
    expect(confirmationMatches(undefined, '12')).toBe(false);
    expect(confirmationMatches('', '12')).toBe(false);
  });
});
