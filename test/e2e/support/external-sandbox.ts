import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnReporting, stopGroup, type ReportingChild } from './child-process.js';

/** A sandbox started with `npm run sandbox`, which the app reaches as a real Dropbox (--dropbox-url). */
export interface ExternalSandbox {
  url: string;
  /** SANDBOX_CLIENT_ID: the app key an admin enters in the connect dialog. */
  clientId: string;
  /** SANDBOX_ACCESS_TOKEN of the current run (a restart prints a new one). */
  accessToken: string;
  /**
   * Stops the sandbox and starts it again on the same port with the same
   * team. Its tokens live in memory only, so every grant it issued is gone:
   * to the app this is a revoked refresh token.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 30_000;
const KEYS = ['SANDBOX_URL', 'SANDBOX_CLIENT_ID', 'SANDBOX_ACCESS_TOKEN'];

export async function startExternalSandbox(root: string, opts: { tokenTtlSeconds: number; members: number }): Promise<ExternalSandbox> {
  const dir = mkdtempSync(join(tmpdir(), 'teamkeeper-e2e-dropbox-'));
  const statePath = join(dir, 'team.json');
  const start = (port: number) =>
    spawnReporting(
      'npm',
      ['run', '--silent', 'sandbox', '--', '--port', String(port), '--token-ttl', String(opts.tokenTtlSeconds), '--members', String(opts.members), '--state', statePath],
      { cwd: root, keys: KEYS, timeoutMs: STARTUP_TIMEOUT_MS, what: 'npm run sandbox' },
    );

  let current: ReportingChild;
  try {
    current = await start(0);
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const url = current.values.get('SANDBOX_URL')!;
  const port = Number(new URL(url).port);
  const sandbox: ExternalSandbox = {
    url,
    clientId: current.values.get('SANDBOX_CLIENT_ID')!,
    accessToken: current.values.get('SANDBOX_ACCESS_TOKEN')!,
    async restart() {
      await stopGroup(current.child);
      current = await start(port);
      sandbox.accessToken = current.values.get('SANDBOX_ACCESS_TOKEN')!;
    },
    stop: () => stopGroup(current.child).finally(() => rmSync(dir, { recursive: true, force: true })),
  };
  return sandbox;
}

/**
 * The e2e files run in vitest workers while the runner owns the sandbox
 * process; `POST /restart` on this loopback server lets a test restart it.
 * Answers `{ "accessToken": … }` (the new CLI token).
 */
export async function serveRestart(sandbox: ExternalSandbox): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/restart') {
      res.writeHead(404).end();
      return;
    }
    sandbox.restart().then(
      () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ accessToken: sandbox.accessToken })),
      (err: unknown) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String((err as Error).message)),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/restart`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
