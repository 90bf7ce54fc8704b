import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ReportingChild {
  child: ChildProcess;
  /** KEY=value lines printed on stdout, by key. */
  values: Map<string, string>;
}

/**
 * Spawns `command` in its own process group and resolves once it has
 * printed every one of `keys` as a `KEY=value` line on stdout. On failure the
 * group is stopped and the error carries what the child printed.
 */
export async function spawnReporting(command: string, args: string[], opts: { cwd: string; keys: string[]; timeoutMs: number; what: string; env?: Record<string, string> }): Promise<ReportingChild> {
  const child = spawn(command, args, { cwd: opts.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none', ...opts.env } });
  const lines: string[] = [];
  const stderr: string[] = [];
  const values = new Map<string, string>();
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${opts.what} printed no ${opts.keys.join(', ')} within ${opts.timeoutMs / 1000} s`)), opts.timeoutMs);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const m = /^([A-Z_]+)=(\S+)$/.exec(line.trim());
        if (m) values.set(m[1], m[2]);
        if (opts.keys.every((k) => values.has(k))) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`${opts.what} exited during startup (${code ?? signal})`));
      });
    });
  } catch (err) {
    await stopGroup(child);
    const output = [...lines, ...stderr].join('\n').trim();
    throw new Error(`${(err as Error).message}\n--- ${opts.what} output ---\n${output}`, { cause: err });
  }
  return { child, values };
}

/** SIGTERM to the child's whole group (npm and what it started), SIGKILL after 5 s. */
export function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve();
  if (child.exitCode !== null || child.signalCode !== null) {
    // npm may already be gone while what it started is not.
    signalGroup(pid, 'SIGTERM');
    return Promise.resolve();
  }
  signalGroup(pid, 'SIGTERM');
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
  });
}

/** SIGKILL to the child's whole group at once, as a crash or a forced quit would end it: nothing gets to clean up. */
export function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(pid, 'SIGKILL');
  return exited;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
