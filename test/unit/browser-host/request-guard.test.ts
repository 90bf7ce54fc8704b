import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOwnHost, isOwnOrigin, presentedToken, tokenMatches } from '../../../main/browser-host/request-guard.js';
import { resolveStaticPath } from '../../../main/renderer-files/static-files.js';

describe('host and origin checks', () => {
  it.each([
    ['127.0.0.1:5000', true],
    ['localhost:5000', true],
    ['LOCALHOST:5000', true],
    ['127.0.0.1:5001', false],
    ['127.0.0.1', false],
    ['evil.com:5000', false],
    ['127.0.0.1.evil.com:5000', false],
    ['[::1]:5000', false],
    ['0.0.0.0:5000', false],
    // The sandbox's sloppy Host reading let these through there; here only exact values pass.
    ['localhost:5000@evil.example', false],
    ['127.0.0.1:5000.evil.example', false],
    ['[::1]evil.example', false],
    ['127.0.0.1:5000 ', false],
    [undefined, false],
  ])('Host %j → %s', (host, ok) => {
    expect(isOwnHost(host, 5000)).toBe(ok);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:5000', true],
    ['http://localhost:5000', true],
    ['https://127.0.0.1:5000', false],
    ['http://127.0.0.1:5001', false],
    ['http://evil.com', false],
    ['null', false],
    ['http://127.0.0.1:5000.evil.com', false],
  ])('Origin %j → %s', (origin, ok) => {
    expect(isOwnOrigin(origin, 5000)).toBe(ok);
  });
});

describe('token', () => {
  it('is read from a bearer header only, never from the address (which history keeps)', () => {
    expect(presentedToken('Bearer abc_-1')).toBe('abc_-1');
    expect(presentedToken(undefined)).toBeUndefined();
    expect(presentedToken('Basic abc')).toBeUndefined();
    expect(presentedToken('Bearer abc def')).toBeUndefined();
  });

  it('must match exactly', () => {
    expect(tokenMatches('secret', 'secret')).toBe(true);
    expect(tokenMatches('secreT', 'secret')).toBe(false);
    expect(tokenMatches('secret1', 'secret')).toBe(false);
    expect(tokenMatches('', 'secret')).toBe(false);
    expect(tokenMatches(undefined, 'secret')).toBe(false);
  });
});

describe('resolveStaticPath', () => {
  const root = mkdtempSync(join(tmpdir(), 'tk-static-'));
  it('maps / to index.html and assets below the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe(join(root, 'assets', 'index-1.js'));
  });

  it.each(['/../secret', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/..%2fsecret', '/.env', '/assets/.git/config', '/a%00b', '/a\\..\\b', '/%E0%A4%A'])(
    'refuses %s',
    (p) => {
      expect(resolveStaticPath(root, p)).toBeUndefined();
    },
  );
});
