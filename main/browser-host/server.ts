import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Api, AppErrorCode } from '../../preload/contract.js';
import type { CoreEvents } from '../core/events.js';
import { parseCall, runCall, type RpcEnvelope } from '../core/rpc.js';
import { SECURITY_HEADERS } from '../renderer-files/csp.js';
import type { DownloadRegistry } from './downloads.js';
import { openEventStream } from './event-stream.js';
import { isOwnHost, isOwnOrigin, presentedToken, tokenMatches } from './request-guard.js';
import { serveStatic } from '../renderer-files/static-files.js';

/** A view of the whole team is ~1 MB of ids at 50,000 members; anything far beyond is not ours. */
const MAX_RPC_BODY = 8 * 1024 * 1024;

export interface BrowserHostOptions {
  /** The Api and its events: the core service. */
  app: Api & CoreEvents;
  downloads: DownloadRegistry;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed for tests; random 32 bytes otherwise. */
  token?: string;
}

export interface BrowserHost {
  port: number;
  token: string;
  /** Origin of the host, e.g. http://127.0.0.1:5173 */
  origin: string;
  /** What to open: the origin with the token in the fragment (never sent to the server or to logs). */
  appUrl: string;
  server: Server;
  close(): Promise<void>;
}

/** `close`: the request body was left unread, so the connection cannot carry another request. */
function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: AppErrorCode, message: string, close = false): void {
  sendJson(res, status, { ok: false, error: { code, message } } satisfies RpcEnvelope, close);
}

class BodyTooLarge extends Error {}

async function readJsonBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_RPC_BODY) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Browser mode's transport, on 127.0.0.1 only: the renderer's static files,
 * POST /rpc, GET /events (SSE) and GET /download/<id>. Every request must name
 * this host; every request but static files must carry the per-run token.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isOwnHost(req.headers.host, port) || !isOwnOrigin(req.headers.origin, port)) {
      req.resume();
      return sendError(res, 403, 'forbidden', 'This address serves only Teamkeeper itself.');
    }
    const path = url.pathname;
    const isApi = path === '/rpc' || path === '/events' || path.startsWith('/download/');
    if (!isApi) {
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
      return serveStatic(options.rendererDir, req, res, path);
    }
    if (!tokenMatches(presentedToken(req.headers.authorization, url), token)) {
      req.resume();
      return sendError(res, 401, 'unauthorized', 'Open Teamkeeper from the address it printed at start (it carries the access token).');
    }
    if (path === '/rpc') return handleRpc(req, res);
    req.resume();
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
    if (path === '/events') return openEventStream(res, (listener) => options.app.onEvent((event, seq) => listener({ ...event, seq })));
    return handleDownload(res, path.slice('/download/'.length));
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, 405, 'method_not_allowed', 'Use POST.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return sendError(res, 415, 'unsupported_media_type', 'Send the call as application/json.');
    }
    let body: unknown;
    try {
      body = JSON.parse(await readJsonBody(req));
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'too_large', 'The request is too large.', true);
      return sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return sendError(res, 400, 'invalid_request', 'Send {"method": …, "arg": …}.');
    const { method, arg } = body as { method?: unknown; arg?: unknown };
    const call = parseCall(method, arg);
    if (!call.ok) return sendJson(res, 400, call satisfies RpcEnvelope);
    sendJson(res, 200, await runCall(options.app, call.method, call.arg));
  }

  async function handleDownload(res: ServerResponse, id: string): Promise<void> {
    const delivery = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? options.downloads.take(id) : undefined;
    if (!delivery) return sendError(res, 404, 'download_gone', 'This download was already used or has expired. Export again.');
    const ascii = delivery.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(delivery.fileName)}`,
      'Cache-Control': 'no-store',
    });
    await delivery.write(res).catch(() => res.destroy());
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong inside Teamkeeper.');
      else res.destroy();
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    port,
    token,
    origin,
    appUrl: `${origin}/#token=${token}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
