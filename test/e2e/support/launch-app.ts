import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface RunningApp {
  /** TEAMKEEPER_URL: the app with its token in the fragment. */
  appUrl: string;
  sandboxUrl: string;
  /** SANDBOX_ACCESS_TOKEN, when the launcher prints one. */
  sandboxToken?: string;
  dataDir: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 90_000;

/**
 * `npm start -- --browser --sandbox --no-open --port 0 --data-dir <tmp>`,
 * in its own process group so stop() ends npm and everything it started.
 */
export async function launchApp(root: string, extraArgs: string[] = []): Promise<RunningApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'teamkeeper-e2e-'));
  const args = ['start', '--', '--browser', '--sandbox', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs];
  const child = spawn('npm', args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, BROWSER: 'none' } });
  const lines: string[] = [];
  const found = new Map<string, string>();
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));

  const stop = () => stopGroup(child).finally(() => rmSync(dataDir, { recursive: true, force: true }));

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The app printed no TEAMKEEPER_URL and SANDBOX_URL within ${STARTUP_TIMEOUT_MS / 1000} s`)),
        STARTUP_TIMEOUT_MS,
      );
      createInterface({ input: child.stdout! }).on('line', (line) => {
        lines.push(line);
        const m = /^(TEAMKEEPER_URL|SANDBOX_URL|SANDBOX_ACCESS_TOKEN)=(\S+)$/.exec(line.trim());
        if (m) found.set(m[1], m[2]);
        if (found.has('TEAMKEEPER_URL') && found.has('SANDBOX_URL')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The app exited during startup (${code ?? signal})`));
      });
    });
  } catch (err) {
    await stop();
    const output = [...lines, ...stderr].join('\n').trim();
    throw new Error(`${(err as Error).message}\n--- npm start output ---\n${output}`, { cause: err });
  }
  return {
    appUrl: found.get('TEAMKEEPER_URL')!,
    sandboxUrl: found.get('SANDBOX_URL')!,
    sandboxToken: found.get('SANDBOX_ACCESS_TOKEN'),
    dataDir,
    stop,
  };
}

function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return Promise.resolve();
  // npm may already be gone while the app it started is not: signal the whole group regardless.
  signalGroup(pid, 'SIGTERM');
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => signalGroup(pid, 'SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
  });
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
