import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseLaunchArgs } from '../../../main/core/launch-options.js';

describe('parseLaunchArgs', () => {
  it('defaults to Electron, any port, opening the browser, the OS data dir, Dropbox itself, the registered OAuth port', () => {
    expect(parseLaunchArgs([], '/', false, {})).toEqual({ ok: true, options: { browser: false, sandbox: false, port: 0, open: true, oauthPort: 53682, allowPlainSecrets: false } });
  });

  it('reads every flag, with separate and inline values', () => {
    const r = parseLaunchArgs(
      ['--browser', '--sandbox', '--port', '5050', '--no-open', '--data-dir=rel/dir', '--dropbox-url', 'http://127.0.0.1:8080/', '--oauth-port=0', '--allow-plain-secrets'],
      '/home/u',
      false,
      {},
    );
    expect(r).toEqual({
      ok: true,
      options: { browser: true, sandbox: true, port: 5050, open: false, dataDir: join('/home/u', 'rel/dir'), dropboxUrl: 'http://127.0.0.1:8080', oauthPort: 0, allowPlainSecrets: true },
    });
  });

  it('takes the Dropbox URL from TEAMKEEPER_DROPBOX_URL; the flag wins', () => {
    const env = { TEAMKEEPER_DROPBOX_URL: 'http://localhost:9000' };
    expect(parseLaunchArgs([], '/', false, env)).toMatchObject({ ok: true, options: { dropboxUrl: 'http://localhost:9000' } });
    expect(parseLaunchArgs(['--dropbox-url', 'https://dropbox.example/api/'], '/', false, env)).toMatchObject({ ok: true, options: { dropboxUrl: 'https://dropbox.example/api' } });
  });

  it('takes only a server on this computer from TEAMKEEPER_DROPBOX_URL: any program that can set it must not redirect new sign-ins', () => {
    for (const url of ['http://127.0.0.1:9000', 'https://localhost:9000/x', 'http://[::1]:9000']) {
      expect(parseLaunchArgs([], '/', false, { TEAMKEEPER_DROPBOX_URL: url }), url).toMatchObject({ ok: true });
    }
    for (const url of ['https://dropbox.example', 'https://127.0.0.1.evil.example', 'https://api.dropboxapi.com']) {
      const r = parseLaunchArgs([], '/', false, { TEAMKEEPER_DROPBOX_URL: url });
      expect(r, url).toEqual({ ok: false, message: expect.stringContaining('TEAMKEEPER_DROPBOX_URL only names a server on this computer') });
    }
    // The flag, typed by the admin, still reaches any https server, and wins over the variable.
    expect(parseLaunchArgs(['--dropbox-url', 'https://dropbox.example'], '/', false, { TEAMKEEPER_DROPBOX_URL: 'https://evil.example' })).toMatchObject({
      ok: true,
      options: { dropboxUrl: 'https://dropbox.example' },
    });
  });

  it.each([
    [['--port']],
    [['--port', 'abc']],
    [['--port', '70000']],
    [['--port', '-1']],
    [['--oauth-port', '65536']],
    [['--oauth-port']],
    [['--data-dir']],
    [['--bogus']],
    [['--dropbox-url']],
    [['--dropbox-url', 'not a url']],
    // Tokens would cross the network in clear.
    [['--dropbox-url', 'http://dropbox.example']],
    [['--dropbox-url', 'https://user:pw@dropbox.example']],
    [['--dropbox-url', 'https://dropbox.example/?x=1']],
    [['--dropbox-url', 'ftp://127.0.0.1']],
  ])('refuses %j', (argv) => {
    expect(parseLaunchArgs(argv, '/', false, {}).ok).toBe(false);
  });

  it('ignores foreign switches when asked (Electron passes Chromium flags)', () => {
    expect(parseLaunchArgs(['--enable-logging', '--data-dir', '/d'], '/', true, {})).toEqual({
      ok: true,
      options: { browser: false, sandbox: false, port: 0, open: true, dataDir: '/d', oauthPort: 53682, allowPlainSecrets: false },
    });
  });
});

describe('defaultDataDir', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
    ['linux', {}, join('/home/u', '.config', 'Teamkeeper')],
    ['linux', { XDG_CONFIG_HOME: '/xdg' }, join('/xdg', 'Teamkeeper')],
    ['linux', { XDG_CONFIG_HOME: 'relative' }, join('/home/u', '.config', 'Teamkeeper')],
    ['darwin', {}, join('/home/u', 'Library', 'Application Support', 'Teamkeeper')],
    ['win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, join('C:\\Users\\u\\AppData\\Roaming', 'Teamkeeper')],
  ])('%s %j → %s', (platform, env, expected) => {
    expect(defaultDataDir(platform, env, '/home/u')).toBe(expected);
  });
});
