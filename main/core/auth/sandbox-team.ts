import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../sandbox/index.js';
import { createDropboxClient } from '../dropbox/client.js';
import type { EventHub } from '../events.js';
import type { ConnectionRecord } from '../settings/settings.js';
import { Connection } from './connection.js';
import { answerSandboxConsent } from './sandbox-consent.js';
import type { SecretStore } from './secret-store.js';
import { signIn, tokenKey } from './sign-in.js';

export const SANDBOX_CONNECTION_ID = 'sandbox';
export const SANDBOX_LABEL = 'Sandbox — practice data';

export type SandboxTeamOptions = Omit<StartOptions, 'statePath'>;

/** The built-in practice team: the emulator in-process, its team kept in the data dir. */
export function startSandboxTeam(dataDir: string, options: SandboxTeamOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ ...options, statePath: join(dataDir, 'sandbox', 'team.json') });
}

/**
 * The sandbox as a connection, reached exactly as a real team is; only the
 * base URL and the consent step differ. Call open() to sign in.
 */
export function sandboxConnection(sandbox: RunningSandbox, record: ConnectionRecord, secrets: SecretStore, events: EventHub): Connection {
  const client = createDropboxClient({
    clientId: sandbox.clientId,
    baseUrl: sandbox.url,
    onTokensRefreshed: (tokens) => void secrets.set(tokenKey(record.id), JSON.stringify(tokens)),
  });
  const fileUsage = (memberId: string) => {
    const m = sandbox.sandbox.store.memberById(memberId);
    if (!m) return undefined;
    const received = m.files.received.reduce((acc, f) => ({ files: acc.files + f.files, bytes: acc.bytes + f.bytes }), { files: 0, bytes: 0 });
    const own = m.files.deleted || m.files.transferredTo ? { files: 0, bytes: 0 } : { files: m.files.files, bytes: m.files.bytes };
    return { files: own.files + received.files, bytes: own.bytes + received.bytes };
  };
  const signInToSandbox = () => signIn(client, secrets, record.id, (pending) => answerSandboxConsent(pending, sandbox.url));
  return new Connection(record, client, events, signInToSandbox, fileUsage);
}
