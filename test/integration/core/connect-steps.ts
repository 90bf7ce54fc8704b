import type { Api, ConnectionSummary } from '../../../preload/contract.js';
import { allowAndReadCode } from './consent.js';

/** Connecting as the UI does: start, Allow as the Team admin (fetch plays the browser), paste the code Dropbox shows. */
export async function connectByPaste(api: Api, appKey: string, connectionId?: string): Promise<ConnectionSummary> {
  const attempt = await api.startConnect({ appKey, mode: 'paste', ...(connectionId ? { connectionId } : {}) });
  return api.completeConnect({ attemptId: attempt.attemptId, code: await allowAndReadCode(attempt.authorizeUrl) });
}
