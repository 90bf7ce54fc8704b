import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

import { DEFAULT_OAUTH_PORT } from './auth/pkce.js';

/** `npm start -- [--browser] [--sandbox] [--port N] [--no-open] [--data-dir DIR] [--dropbox-url URL] [--oauth-port N] [--allow-plain-secrets]` */
export interface LaunchOptions {
  /** Browser mode even where Electron could run. */
  browser: boolean;
  /** Show the built-in sandbox team at start, whichever team was shown last. */
  sandbox: boolean;
  /** Browser host port; 0 = any free port. */
  port: number;
  /** Do not open the system browser (browser mode). */
  open: boolean;
  /** Absolute; undefined = the OS app-data folder. */
  dataDir?: string;
  /**
   * Where Dropbox lives for connected teams (API, token and consent page),
   * e.g. a sandbox started with `npm run sandbox`; undefined = Dropbox itself.
   */
  dropboxUrl?: string;
  /** Port of the loopback OAuth redirect; 0 = any free port. */
  oauthPort: number;
  /**
   * Electron on Linux without a keyring: the admin accepts that sign-ins are
   * stored with the "basic_text" backend (readable by anyone who can read the
   * file) rather than kept for the session only.
   */
  allowPlainSecrets: boolean;
}

export type ParsedLaunch = { ok: true; options: LaunchOptions } | { ok: false; message: string };

export const LAUNCH_USAGE =
  'Usage: npm start -- [--browser] [--sandbox] [--port N] [--no-open] [--data-dir DIR] [--dropbox-url URL] [--oauth-port N] [--allow-plain-secrets]';

/** Environment fallback of --dropbox-url. */
export const DROPBOX_URL_ENV = 'TEAMKEEPER_DROPBOX_URL';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * A base URL tokens may be sent to: https anywhere, plain http only on this
 * machine (a sandbox); no credentials, query or fragment. Trailing slashes go.
 */
export function parseDropboxUrl(raw: string): { ok: true; url: string } | { ok: false; message: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, message: `--dropbox-url needs a URL such as http://127.0.0.1:8080, got ${JSON.stringify(raw)}` };
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname))) {
    return { ok: false, message: '--dropbox-url must be https, or http on 127.0.0.1 / localhost (tokens are sent there)' };
  }
  if (u.username || u.password || u.search || u.hash) return { ok: false, message: '--dropbox-url must not carry credentials, a query or a fragment' };
  return { ok: true, url: u.href.replace(/\/+$/, '') };
}

function parsePort(flag: string, v: string | undefined): number | string {
  const n = Number(v);
  if (!v || !Number.isInteger(n) || n < 0 || n > 65535) return `${flag} needs a number from 0 to 65535, got ${JSON.stringify(v ?? '')}`;
  return n;
}

/**
 * `ignoreUnknown` is for Electron, whose argv also carries Chromium switches
 * (--password-store=…, --enable-logging); the launcher is strict.
 */
export function parseLaunchArgs(argv: readonly string[], cwd = process.cwd(), ignoreUnknown = false, env: NodeJS.ProcessEnv = process.env): ParsedLaunch {
  const options: LaunchOptions = { browser: false, sandbox: false, port: 0, open: true, oauthPort: DEFAULT_OAUTH_PORT, allowPlainSecrets: false };
  let dropboxUrl = env[DROPBOX_URL_ENV] || undefined;
  let fromEnv = dropboxUrl !== undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--browser':
        options.browser = true;
        break;
      case '--sandbox':
        options.sandbox = true;
        break;
      case '--no-open':
        options.open = false;
        break;
      case '--allow-plain-secrets':
        options.allowPlainSecrets = true;
        break;
      case '--port':
      case '--oauth-port': {
        const n = parsePort(flag, value());
        if (typeof n === 'string') return { ok: false, message: n };
        if (flag === '--port') options.port = n;
        else options.oauthPort = n;
        break;
      }
      case '--dropbox-url': {
        const v = value();
        if (!v) return { ok: false, message: '--dropbox-url needs a URL' };
        dropboxUrl = v;
        fromEnv = false;
        break;
      }
      case '--data-dir': {
        const v = value();
        if (!v) return { ok: false, message: '--data-dir needs a folder' };
        options.dataDir = isAbsolute(v) ? v : resolve(cwd, v);
        break;
      }
      default:
        if (!ignoreUnknown) return { ok: false, message: `Unknown option ${JSON.stringify(arg)}` };
    }
  }
  if (dropboxUrl !== undefined) {
    const parsed = parseDropboxUrl(dropboxUrl);
    if (!parsed.ok) return parsed;
    // Any program that can set the environment could otherwise send new sign-ins to its own server
    // unseen; the flag is typed by the admin, the variable is for tests and demos of a local sandbox.
    if (fromEnv && !LOOPBACK_HOSTS.has(new URL(parsed.url).hostname)) {
      return { ok: false, message: `${DROPBOX_URL_ENV} only names a server on this computer (such as http://127.0.0.1:8080); for another server use --dropbox-url` };
    }
    options.dropboxUrl = parsed.url;
  }
  return { ok: true, options };
}

/** Where settings, the sandbox team, journals and the audit log live by default (the OS app-data folder). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Teamkeeper');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Teamkeeper');
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'Teamkeeper');
}
