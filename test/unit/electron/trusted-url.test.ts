import { describe, expect, it } from 'vitest';
import { isAppUrl, isTrustedExternalUrl } from '../../../main/electron/trusted-url.js';

describe('isTrustedExternalUrl', () => {
  it.each([
    'https://www.dropbox.com/',
    'https://dropbox.com',
    'https://www.dropbox.com/developers/apps',
    'https://help.dropbox.com/security/two-step-verification?x=1#top',
    'HTTPS://WWW.DROPBOX.COM/team/admin',
  ])('opens %s', (url) => {
    expect(isTrustedExternalUrl(url)).toBe(true);
  });

  it.each([
    // Look-alike hosts
    'https://dropbox.com.evil.com/',
    'https://evildropbox.com/',
    'https://www.dropbox.co/',
    'https://www.dropbox.com.',
    'https://xn--drpbox-vxa.com/',
    'https://dropbox.com@evil.com/',
    'https://www.dropbox.com:443@evil.com/',
    'https://evil.com/?r=https://www.dropbox.com',
    'https://evil.com/#.dropbox.com',
    'https://evil.com\\@www.dropbox.com',
    'https://www.dropbox.com\\@evil.com',
    // Credentials, ports, IPs
    'https://user:pass@www.dropbox.com/',
    'https://user@www.dropbox.com/',
    'https://www.dropbox.com:8443/',
    'https://162.125.1.18/',
    'https://[::1]/',
    // Other schemes
    'http://www.dropbox.com/',
    'javascript:alert(document.domain)',
    'JaVaScRiPt:alert(1)//https://www.dropbox.com',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://www.dropbox.com/share',
    'ftp://www.dropbox.com/',
    'app://teamkeeper/index.html',
    'dropbox://open',
    'ms-msdt:/id PCWDiagnostic',
    'smb://www.dropbox.com/share',
    // Smuggling through whitespace and control characters
    ' https://www.dropbox.com/',
    'https://www.dropbox.com/\n',
    'https://www.drop\tbox.com/',
    'https://www.dropbox.com/\u0000',
    'https://www.dropbox.com/\u2028',
    // Not URLs
    '',
    '//www.dropbox.com/',
    'www.dropbox.com',
    'https://',
    `https://www.dropbox.com/${'a'.repeat(3000)}`,
    42,
    null,
    undefined,
    { href: 'https://www.dropbox.com/' },
  ])('refuses %j', (url) => {
    expect(isTrustedExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedExternalUrl with the --dropbox-url origin', () => {
  const extra = ['http://127.0.0.1:8080'];

  it.each(['http://127.0.0.1:8080/oauth2/authorize?client_id=tk-sandbox-app&state=x', 'http://127.0.0.1:8080/', 'https://www.dropbox.com/'])('opens %s', (url) => {
    expect(isTrustedExternalUrl(url, extra)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:8081/oauth2/authorize',
    'http://127.0.0.1/oauth2/authorize',
    'https://127.0.0.1:8080/oauth2/authorize',
    'http://localhost:8080/oauth2/authorize',
    'http://user@127.0.0.1:8080/',
    'http://127.0.0.1:8080.evil.com/',
    'file://127.0.0.1:8080/',
  ])('refuses %s', (url) => {
    expect(isTrustedExternalUrl(url, extra)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it.each(['app://teamkeeper/index.html', 'app://teamkeeper/', 'app://teamkeeper/index.html#/members'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://teamkeeper.evil.com/',
    'app://teamkeeper:1234/',
    'app://user@teamkeeper/',
    'http://teamkeeper/',
    'file:///index.html',
    'https://www.dropbox.com/',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});
