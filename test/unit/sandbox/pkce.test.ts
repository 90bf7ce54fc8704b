import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isS256Challenge, verifyS256 } from '../../../main/sandbox/oauth/pkce.js';

describe('PKCE S256', () => {
  it('verifies the RFC 7636 appendix B example', () => {
    expect(verifyS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')).toBe(true);
  });

  it('refuses another verifier, a malformed verifier or a malformed challenge', () => {
    const verifier = 'a'.repeat(64);
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    expect(verifyS256(verifier, challenge)).toBe(true);
    expect(verifyS256('b'.repeat(64), challenge)).toBe(false);
    expect(verifyS256('short', createHash('sha256').update('short').digest('base64url'))).toBe(false);
    const long = 'a'.repeat(129);
    expect(verifyS256(long, createHash('sha256').update(long).digest('base64url'))).toBe(false);
    const spaced = `${'a'.repeat(50)} x`;
    expect(verifyS256(spaced, createHash('sha256').update(spaced).digest('base64url'))).toBe(false);
    expect(verifyS256(verifier, `${challenge}=`)).toBe(false);
    expect(isS256Challenge(challenge.slice(1))).toBe(false);
  });
});
