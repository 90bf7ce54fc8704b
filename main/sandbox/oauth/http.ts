import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../sandbox.js';
import { sendHtml, sendText } from '../http/respond.js';
import { hasLoopbackHost } from '../control/loopback.js';
import { handleAuthorize, handleDecide } from './authorize.js';
import { handleToken } from './token-endpoint.js';
import { messagePage } from './pages.js';

/**
 * The sandbox's stand-in for www.dropbox.com/oauth2/authorize (consent page)
 * and api.dropboxapi.com/oauth2/token.
 */
export async function handleOAuth(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> {
  const headers = { 'X-Dropbox-Request-Id': requestId };
  if (!hasLoopbackHost(req)) {
    req.resume();
    return sendText(res, 403, 'Forbidden: the sandbox answers only to a loopback Host', headers);
  }
  switch (url.pathname) {
    case '/oauth2/authorize':
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendHtml(res, 405, messagePage('Method not allowed', 'Open this page with GET.'), { ...headers, Allow: 'GET' });
      return handleAuthorize(sb, res, url, headers);
    case '/oauth2/authorize/decide':
      if (req.method !== 'POST') {
        req.resume();
        return sendHtml(res, 405, messagePage('Method not allowed', 'Use the consent form.'), { ...headers, Allow: 'POST' });
      }
      return handleDecide(sb, req, res, headers);
    case '/oauth2/token':
      return handleToken(sb, req, res, url, headers);
    default:
      req.resume();
      return sendText(res, 404, 'Not found', headers);
  }
}
