import type { Api, AppEvent, ConnectionSummary } from '../../../preload/contract.js';
import { allowAndReadCode, allowAndReadRedirect } from './consent.js';

/**
 * The two ways an admin connects a team, driven through the Api as the UI
 * does, with the browser's part done by fetch.
 */

/** Start, Allow as the Team admin, paste the code Dropbox shows. */
export async function connectByPaste(api: Api, appKey: string, connectionId?: string): Promise<ConnectionSummary> {
  const attempt = await api.startConnect({ appKey, mode: 'paste', ...(connectionId ? { connectionId } : {}) });
  return api.completeConnect({ attemptId: attempt.attemptId, code: await allowAndReadCode(attempt.authorizeUrl) });
}

/** Start, Allow, and the browser follows the redirect to the app's loopback listener; the outcome arrives as connect.result. */
export async function connectByLoopback(api: Api, appKey: string, events: readonly AppEvent[]): Promise<{ connection: ConnectionSummary; tab: string }> {
  const attempt = await api.startConnect({ appKey, mode: 'loopback' });
  const tab = await (await fetch(await allowAndReadRedirect(attempt.authorizeUrl))).text();
  const result = events.find((e) => e.type === 'connect.result' && e.attemptId === attempt.attemptId);
  if (!result || result.type !== 'connect.result' || !result.ok) throw new Error(`Connecting failed: ${JSON.stringify(result)}`);
  return { connection: result.connection, tab };
}
