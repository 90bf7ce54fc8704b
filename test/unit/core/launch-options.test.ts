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
