import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/** `npm start -- [--browser] [--sandbox] [--port N] [--no-open] [--data-dir DIR]` */
export interface LaunchOptions {
  /** Browser mode even where Electron could run. */
  browser: boolean;
  /** Open on the built-in sandbox team (today the only team; a connected team will take precedence otherwise). */
  sandbox: boolean;
  /** Browser host port; 0 = any free port. */
  port: number;
  /** Do not open the system browser (browser mode). */
  open: boolean;
  /** Absolute; undefined = the OS app-data folder. */
  dataDir?: string;
}

export type ParsedLaunch = { ok: true; options: LaunchOptions } | { ok: false; message: string };

export const LAUNCH_USAGE = 'Usage: npm start -- [--browser] [--sandbox] [--port N] [--no-open] [--data-dir DIR]';

/**
 * `ignoreUnknown` is for Electron, whose argv also carries Chromium switches
 * (--password-store=…, --enable-logging); the launcher is strict.
 */
export function parseLaunchArgs(argv: readonly string[], cwd = process.cwd(), ignoreUnknown = false): ParsedLaunch {
  const options: LaunchOptions = { browser: false, sandbox: false, port: 0, open: true };
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
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!v || !Number.isInteger(n) || n < 0 || n > 65535) return { ok: false, message: `--port needs a number from 0 to 65535, got ${JSON.stringify(v ?? '')}` };
        options.port = n;
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
  return { ok: true, options };
}

/** Where settings, the sandbox team, journals and the audit log live by default (the OS app-data folder). */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), 'Teamkeeper');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Teamkeeper');
  const config = env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : join(home, '.config');
  return join(config, 'Teamkeeper');
}
