import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { hasLoopbackHost, hasLoopbackOrigin } from '../../../main/sandbox/control/loopback.js';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('loopback Host and Origin checks', () => {
  it.each(['127.0.0.1', '127.0.0.1:5000', 'localhost:1', 'LOCALHOST', '[::1]:80', '[::1]'])('accepts Host %s', (host) => {
    expect(hasLoopbackHost(req({ host }))).toBe(true);
  });

  it.each(['evil.example', 'evil.example:5000', '127.0.0.1.evil.example', 'localhost.evil.example:1', '[::2]:80', '0.0.0.0', ''])('refuses Host %s', (host) => {
    expect(hasLoopbackHost(req({ host }))).toBe(false);
  });

  it('refuses a missing Host', () => {
    expect(hasLoopbackHost(req({}))).toBe(false);
  });

  it('accepts no Origin or a loopback one; refuses web origins and "null"', () => {
    expect(hasLoopbackOrigin(req({}))).toBe(true);
    expect(hasLoopbackOrigin(req({ origin: 'http://127.0.0.1:5173' }))).toBe(true);
    expect(hasLoopbackOrigin(req({ origin: 'http://localhost:3000' }))).toBe(true);
    for (const origin of ['null', 'https://evil.example', 'http://127.0.0.1.evil.example', 'https://localhost', 'file://']) {
      expect(hasLoopbackOrigin(req({ origin })), origin).toBe(false);
    }
  });
});
