import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { listenForRedirect } from '../../../../main/core/auth/loopback-listener.js';
import { AppError } from '../../../../main/core/errors.js';

const never = () => {};
/** The state of the attempt these listeners wait for. */
const STATE = 'the-attempts-state';
const acceptsState = (state: string | null) => state === STATE;

/** A listener on any free port that records the code of each redirect it accepts. */
async function recordingListener() {
  const seen: string[] = [];
  const listener = await listenForRedirect({
    port: 0,
    onRedirect: async (url) => {
      seen.push(url.searchParams.get('code')!);
      return 'Acme is connected.';
    },
    onTimeout: never,
    acceptsState,
  });
  return { seen, listener };
}

describe('the loopback redirect listener', () => {
  it('answers the first /callback with the outcome, then shuts down', async () => {
    const { seen, listener } = await recordingListener();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const base = listener.redirectUri.replace('/callback', '');
    const stray = await fetch(`${base}/favicon.ico`);
    expect(stray.status).toBe(404);
    const res = await fetch(`${listener.redirectUri}?code=abc&state=${STATE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('Acme is connected.');
    expect(seen).toEqual(['abc']);
    await expect(fetch(listener.redirectUri)).rejects.toThrow();
  });

  it('shows the reason when the redirect is refused, escaped', async () => {
    const listener = await listenForRedirect({
      port: 0,
      onRedirect: async () => {
        throw new AppError('access_denied', 'Not <yours>.');
      },
      onTimeout: never,
      acceptsState,
    });
    const res = await fetch(`${listener.redirectUri}?error=access_denied&state=${STATE}`);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Not &#60;yours&#62;.');
    expect(html).not.toContain('<yours>');
  });

  it('answers a malformed request target with 404 and keeps waiting for Dropbox', async () => {
    const listener = await listenForRedirect({ port: 0, onRedirect: async () => 'Acme is connected.', onTimeout: never, acceptsState });
    const port = Number(new URL(listener.redirectUri).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'));
      let text = '';
      socket.on('data', (d) => (text += d.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 404/);
    const res = await fetch(`${listener.redirectUri}?code=abc&state=${STATE}`);
    expect(res.status).toBe(200);
  });

  it('answers a request with a missing or wrong state and keeps waiting: any web page can request /callback', async () => {
    const { seen, listener } = await recordingListener();
    for (const query of ['', '?code=evil', '?code=evil&state=', '?code=evil&state=guess', `?code=evil&state=${STATE}x`, '?error=access_denied']) {
      const res = await fetch(`${listener.redirectUri}${query}`);
      expect(res.status, query).toBe(400);
      expect(await res.text(), query).toContain('does not belong to the sign-in Teamkeeper is waiting for');
    }
    expect(seen).toEqual([]);
    const res = await fetch(`${listener.redirectUri}?code=abc&state=${STATE}`);
    expect(res.status).toBe(200);
    expect(seen).toEqual(['abc']);
    await expect(fetch(listener.redirectUri)).rejects.toThrow();
  });

  it('stops waiting after the timeout and says so once', async () => {
    let timedOut = 0;
    const listener = await listenForRedirect({ port: 0, timeoutMs: 50, onRedirect: async () => 'x', onTimeout: () => timedOut++, acceptsState });
    await new Promise((r) => setTimeout(r, 150));
    expect(timedOut).toBe(1);
    await expect(fetch(listener.redirectUri)).rejects.toThrow();
  });

  it('says so when the registered port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const { port } = blocker.address() as AddressInfo;
    try {
      await expect(listenForRedirect({ port, onRedirect: async () => 'x', onTimeout: never, acceptsState })).rejects.toMatchObject({ code: 'oauth_port_in_use' });
    } finally {
      blocker.close();
    }
  });
});
