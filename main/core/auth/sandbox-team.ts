import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type StartOptions } from '../../sandbox/index.js';
import type { SecretStore } from './secret-store.js';
import type { FileUsageLookup } from '../team/team.js';
import type { SignIn } from './connection.js';
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
  return (memberId) => sandbox.sandbox.memberFileUsage(memberId);
}
