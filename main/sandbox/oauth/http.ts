import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../sandbox.js';
import { sendText } from '../http/respond.js';

/** GET /oauth2/authorize and POST /oauth2/token. */
export async function handleOAuth(_sb: Sandbox, req: IncomingMessage, res: ServerResponse, _url: URL, requestId: string): Promise<void> {
  req.resume();
  sendText(res, 404, 'Not found', { 'X-Dropbox-Request-Id': requestId });
}
