import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../sandbox/index.js';
import type { SecretStore } from './secret-store.js';
import type { FileUsageLookup, SignIn } from './connection.js';
import { answerSandboxConsent } from './sandbox-consent.js';
import { sandboxSignIn } from './sign-in.js';

export const SANDBOX_CONNECTION_ID = 'sandbox';

export type SandboxTeamOptions = Omit<StartOptions, 'statePath'>;

/** The built-in practice team: the emulator in-process, its team kept in the data dir. */
export function startSandboxTeam(dataDir: string, options: SandboxTeamOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ ...options, statePath: join(dataDir, 'sandbox', 'team.json') });
}

/** Signs in to the in-process sandbox exactly as to a real team; only the consent step is answered by the app. */
export function sandboxTeamSignIn(sandbox: RunningSandbox, secrets: SecretStore): SignIn {
  return sandboxSignIn(secrets, SANDBOX_CONNECTION_ID, (pending) => answerSandboxConsent(pending, sandbox.url));
}

/** Only the sandbox knows how many files a member has. */
export function sandboxFileUsage(sandbox: RunningSandbox): FileUsageLookup {
  return (memberId) => {
    const m = sandbox.sandbox.store.memberById(memberId);
    if (!m) return undefined;
    const received = m.files.received.reduce((acc, f) => ({ files: acc.files + f.files, bytes: acc.bytes + f.bytes }), { files: 0, bytes: 0 });
    const own = m.files.deleted || m.files.transferredTo ? { files: 0, bytes: 0 } : { files: m.files.files, bytes: m.files.bytes };
    return { files: own.files + received.files, bytes: own.bytes + received.bytes };
  };
}
