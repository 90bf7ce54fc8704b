import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface CliSandbox {
  child: ChildProcess;
  /** The printed lines, parsed: SANDBOX_URL, SANDBOX_CLIENT_ID, SANDBOX_ACCESS_TOKEN. */
  env: Record<string, string>;
  lines: string[];
  /** SIGTERM and wait: resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `npm run sandbox` as a user runs it: node + tsx on the CLI, from the repository root. */
export function spawnCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'main/sandbox/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Starts the CLI and waits for its three lines. */
export async function startCli(args: string[]): Promise<CliSandbox> {
  const child = spawnCli(args);
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const lines = await new Promise<string[]>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const got = out.split('\n');
      if (got.length > 3) resolve(got.slice(0, 3));
    });
    child.once('exit', (code) => reject(new Error(`sandbox CLI exited (${code}) before printing its URL: ${err}`)));
  });
  const env = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  return {
    child,
    env,
    lines,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill(signal);
      const [code] = (await exited) as [number | null];
      return code;
    },
  };
}

/** Runs the CLI expecting it to exit by itself (bad flags, --help). */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}
