import { Dropbox, DropboxAuth } from 'dropbox';
import { DEFAULT_CLIENT_ID } from '../../../main/sandbox/index.js';
import { rewritingFetch } from '../../../main/core/dropbox/rewrite-fetch.js';
import { createDropboxClient } from '../../../main/core/dropbox/client.js';
import { beginAuthorization, completeAuthorization } from '../../../main/core/auth/pkce.js';
import { answerSandboxConsent } from '../../../main/core/auth/sandbox-consent.js';

/**
 * A second admin client on the app's sandbox team, through the real SDK:
 * with the token the launcher printed when it prints one, otherwise signed
 * in through the sandbox's own OAuth PKCE consent, as any Dropbox app would.
 */
export async function sandboxAdmin(sandboxUrl: string, accessToken?: string): Promise<Dropbox> {
  if (accessToken) return new Dropbox({ auth: new DropboxAuth({ accessToken, fetch: rewritingFetch(sandboxUrl) }) });
  const client = createDropboxClient({ clientId: DEFAULT_CLIENT_ID, baseUrl: sandboxUrl });
  const pending = await beginAuthorization(client.auth);
  const code = await answerSandboxConsent(pending, sandboxUrl);
  await completeAuthorization(client.auth, pending, code);
  return client.dbx;
}
