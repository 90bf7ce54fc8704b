import { describe, expect, it } from 'vitest';
import { isLoopbackRedirect, redirectAllowed } from '../../../main/sandbox/oauth/redirect-uri.js';

const app = { clientId: 'c', name: 'App', scopes: new Set<string>(), redirectUris: ['https://app.example/cb'] };

describe('redirect URIs', () => {
  it.each([
    'http://127.0.0.1/cb',
    'http://127.0.0.1:53682/callback',
    'http://localhost:8080/',
    'http://[::1]:9000/cb?x=1',
  ])('accepts loopback %s', (uri) => {
    expect(isLoopbackRedirect(uri)).toBe(true);
  });

  it.each([
    'https://127.0.0.1/cb',
    'http://127.0.0.2/cb',
    'http://127.0.0.1.evil.example/cb',
    'http://localhost.evil.example/cb',
    'http://evil.example/cb?next=http://127.0.0.1/',
    'http://user:pw@127.0.0.1/cb',
    'http://127.0.0.1@evil.example/cb',
    'http://127.0.0.1/cb#x',
    'http://127.0.0.1/cb#',
    'javascript:alert(1)//127.0.0.1',
    'file:///etc/passwd',
    '//127.0.0.1/cb',
    '',
    'not a url',
  ])('refuses %s', (uri) => {
    expect(isLoopbackRedirect(uri)).toBe(false);
  });

  it('accepts registered URIs exactly', () => {
    expect(redirectAllowed(app, 'https://app.example/cb')).toBe(true);
    expect(redirectAllowed(app, 'https://app.example/cb/')).toBe(false);
    expect(redirectAllowed(app, 'https://app.example/cb?x=1')).toBe(false);
    expect(redirectAllowed(app, 'http://localhost:1/cb')).toBe(true);
  });
});
