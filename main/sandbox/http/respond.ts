import type { ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';

/** Every response carries a request id, like Dropbox's. */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * A request whose body was not read to the end (refused as too large, or
 * answered before it arrived) leaves the connection mid-message: close it after
 * answering instead of letting the client reuse it and hang.
 */
function unreadBodyHeaders(res: ServerResponse): Record<string, string> {
  return res.req && !res.req.complete ? { Connection: 'close' } : {};
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body === undefined ? null : body);
  res.writeHead(status, {
    // Exactly this value: the SDK and clients match on it.
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    ...unreadBodyHeaders(res),
    ...headers,
  });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...unreadBodyHeaders(res),
    ...headers,
  });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    ...unreadBodyHeaders(res),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*",
    ...headers,
  });
  res.end(html);
}
