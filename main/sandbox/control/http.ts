import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../sandbox.js';
import { sendText } from '../http/respond.js';

/** The control API under /__sandbox/ for tests and the app's sandbox mode. */
export async function handleControl(_sb: Sandbox, req: IncomingMessage, res: ServerResponse, _url: URL, requestId: string): Promise<void> {
  req.resume();
  sendText(res, 404, 'Not found', { 'X-Dropbox-Request-Id': requestId });
}
