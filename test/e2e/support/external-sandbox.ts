import { spawnReporting, stopGroup } from './child-process.js';

/** A sandbox started with `npm run sandbox`, which the app reaches as a real Dropbox (--dropbox-url). */
export interface ExternalSandbox {
  url: string;
  /** SANDBOX_CLIENT_ID: the app key an admin enters in the connect dialog. */
  clientId: string;
  /** SANDBOX_ACCESS_TOKEN: a CLI token that no grant revocation touches. */
  accessToken: string;
  stop(): Promise<void>;
}

const STARTUP_TIMEOUT_MS = 30_000;
const KEYS = ['SANDBOX_URL', 'SANDBOX_CLIENT_ID', 'SANDBOX_ACCESS_TOKEN'];

export async function startExternalSandbox(root: string, opts: { tokenTtlSeconds: number; members: number }): Promise<ExternalSandbox> {
  const { child, values } = await spawnReporting(
    'npm',
    ['run', '--silent', 'sandbox', '--', '--port', '0', '--token-ttl', String(opts.tokenTtlSeconds), '--members', String(opts.members)],
    { cwd: root, keys: KEYS, timeoutMs: STARTUP_TIMEOUT_MS, what: 'npm run sandbox' },
  );
  return {
    url: values.get('SANDBOX_URL')!,
    clientId: values.get('SANDBOX_CLIENT_ID')!,
    accessToken: values.get('SANDBOX_ACCESS_TOKEN')!,
    stop: () => stopGroup(child),
  };
}
