import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseLaunchArgs } from '../../../main/core/launch-options.js';

describe('parseLaunchArgs', () => {
  it('defaults to Electron, any port, opening the browser, the OS data dir', () => {
    expect(parseLaunchArgs([])).toEqual({ ok: true, options: { browser: false, sandbox: false, port: 0, open: true } });
  });

  it('reads every flag, with separate and inline values', () => {
    const r = parseLaunchArgs(['--browser', '--sandbox', '--port', '5050', '--no-open', '--data-dir=rel/dir'], '/home/u');
    expect(r).toEqual({ ok: true, options: { browser: true, sandbox: true, port: 5050, open: false, dataDir: join('/home/u', 'rel/dir') } });
  });

  it.each([[['--port']], [['--port', 'abc']], [['--port', '70000']], [['--port', '-1']], [['--data-dir']], [['--bogus']]])('refuses %j', (argv) => {
    expect(parseLaunchArgs(argv).ok).toBe(false);
  });

  it('ignores foreign switches when asked (Electron passes Chromium flags)', () => {
    expect(parseLaunchArgs(['--enable-logging', '--data-dir', '/d'], '/', true)).toEqual({
      ok: true,
      options: { browser: false, sandbox: false, port: 0, open: true, dataDir: '/d' },
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
