import { DropboxClient } from '../../main/core/dropbox/client.js';
import type { SchedulerOptions } from '../../main/core/dropbox/scheduler/scheduler.js';
import type { RunningSandbox } from '../../main/sandbox/index.js';

/** The app's DropboxClient (scheduler, retries, real SDK) signed in to a sandbox as its first admin. */
export function teamClient(sb: Pick<RunningSandbox, 'url' | 'clientId' | 'accessToken'>, scheduler: SchedulerOptions = { backoffBaseMs: 10, backoffCapMs: 50, maxAttempts: 8 }): DropboxClient {
  const c = new DropboxClient({ clientId: sb.clientId, baseUrl: sb.url, scheduler });
  c.auth.setTokens({ accessToken: sb.accessToken });
  return c;
}
