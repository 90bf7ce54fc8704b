import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hasAllowedOrigin, hasLoopbackHost } from '../../../main/sandbox/control/loopback.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('loopback Host and Origin checks', () => {
  it.each(['127.0.0.1', '127.0.0.1:5000', 'localhost:1', 'LOCALHOST', '[::1]:80', '[::1]'])('accepts Host %s', (host) => {
    expect(hasLoopbackHost(req({ host }))).toBe(true);
  });

  it.each(['evil.example', 'evil.example:5000', '127.0.0.1.evil.example', 'localhost.evil.example:1', '[::2]:80', '0.0.0.0', '',
    // Sloppy parsing read these as loopback names.
    'localhost:5000@evil.example', '127.0.0.1:5000@evil.example', '[::1]evil.example', '[::1]:80evil.example', 'localhost:5000.evil.example',
    'localhost:', 'localhost:abc', '127.0.0.1:5000:6000', ' localhost', 'localhost\t'])('refuses Host %s', (host) => {
    expect(hasLoopbackHost(req({ host }))).toBe(false);
  });

  it('refuses a missing Host', () => {
    expect(hasLoopbackHost(req({}))).toBe(false);
  });

  it('accepts no Origin (no browser); refuses every web page, other local servers included, unless allowed', () => {
    const none = new Set<string>();
    expect(hasAllowedOrigin(req({}), none)).toBe(true);
    // A page served by any other local web server (the audit's http://127.0.0.1:1) must not reset the team.
    for (const origin of ['http://127.0.0.1:1', 'http://127.0.0.1:5173', 'http://localhost:3000', 'null', 'https://evil.example', 'http://127.0.0.1.evil.example', 'https://localhost', 'file://']) {
      expect(hasAllowedOrigin(req({ origin }), none), origin).toBe(false);
    }
  });

  it('accepts exactly the origins it was given (the app itself, or --allow-origin)', () => {
    const app = new Set(['http://127.0.0.1:5173']);
    expect(hasAllowedOrigin(req({ origin: 'http://127.0.0.1:5173' }), app)).toBe(true);
    for (const origin of ['http://127.0.0.1:5174', 'http://localhost:5173', 'http://127.0.0.1:5173/', 'HTTP://127.0.0.1:5173', 'https://127.0.0.1:5173']) {
      expect(hasAllowedOrigin(req({ origin }), app), origin).toBe(false);
    }
  });
});
