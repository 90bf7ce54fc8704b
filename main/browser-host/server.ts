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
import { TicketBook } from './tickets.js';

/** A view of the whole team is ~1 MB of ids at 50,000 members; anything far beyond is not ours. */
const MAX_RPC_BODY = 8 * 1024 * 1024;

/**
 * The whole request, body included, must arrive within this: 8 MB at a
 * loopback's worst plausible 1 MB/s with room to spare, instead of Node's
 * 300 s, which let an authenticated trickle hold a connection for minutes.
 */
const REQUEST_TIMEOUT_MS = 30_000;

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
  /** Tests shorten it. */
  requestTimeoutMs?: number;
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

/** What POST /tickets asks for: the event stream, or one waiting download. */
function ticketRequest(body: unknown): { for: 'events' } | { for: 'download'; id: string } | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const b = body as { for?: unknown; id?: unknown };
  if (b.for === 'events') return { for: 'events' };
  if (b.for === 'download' && typeof b.id === 'string' && DOWNLOAD_ID.test(b.id)) return { for: 'download', id: b.id };
  return undefined;
}

const DOWNLOAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

const EXPIRED_DOWNLOAD = 'This export expired; export again.';

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
 * POST /rpc, POST /tickets, GET /events (SSE) and GET /download/<id>. Every
 * request must name this host. /rpc and /tickets carry the per-run token in
 * a header; /events and /download/<id>, which a browser opens by URL, carry a
 * one-time ticket minted through /tickets instead.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const tickets = new TicketBook();
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isOwnHost(req.headers.host, port) || !isOwnOrigin(req.headers.origin, port)) {
      req.resume();
      return sendError(res, 403, 'forbidden', 'This address serves only Teamkeeper itself.');
    }
    const path = url.pathname;
    const isPost = path === '/rpc' || path === '/tickets';
    const isGet = path === '/events' || path.startsWith('/download/');
    if (!isPost && !isGet) {
      req.resume();
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
      return serveStatic(options.rendererDir, req, res, path);
    }
    const downloadId = path.startsWith('/download/') ? path.slice('/download/'.length) : '';
    const allowed = isPost
      ? tokenMatches(presentedToken(req.headers.authorization), token)
      : tickets.redeem(url.searchParams.get('ticket'), path === '/events' ? 'events' : 'download', downloadId);
    if (!allowed) {
      req.resume();
      return sendError(res, 401, 'unauthorized', 'Open Teamkeeper from the address it printed at start (it carries the access token).');
    }
    if (isPost) {
      const body = await readPost(req, res);
      if (body === undefined) return;
      return path === '/rpc' ? handleRpc(res, body) : handleTicket(res, body);
    }
    req.resume();
    if (req.method !== 'GET') return sendError(res, 405, 'method_not_allowed', 'Use GET.');
    if (path === '/events') return openEventStream(res, (listener) => options.app.onEvent((event, seq) => listener({ ...event, seq })));
    return handleDownload(res, downloadId);
  }

  /** The JSON body of a POST, or undefined once the refusal is sent. */
  async function readPost(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    if (req.method !== 'POST') {
      req.resume();
      return sendError(res, 405, 'method_not_allowed', 'Use POST.');
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
      req.resume();
      return sendError(res, 415, 'unsupported_media_type', 'Send the call as application/json.');
    }
    try {
      const body: unknown = JSON.parse(await readJsonBody(req));
      if (body !== undefined) return body;
    } catch (err) {
      if (err instanceof BodyTooLarge) return sendError(res, 413, 'too_large', 'The request is too large.', true);
    }
    return sendError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
  }

  async function handleRpc(res: ServerResponse, body: unknown): Promise<void> {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return sendError(res, 400, 'invalid_request', 'Send {"method": …, "arg": …}.');
    const { method, arg } = body as { method?: unknown; arg?: unknown };
    const call = parseCall(method, arg);
    if (!call.ok) return sendJson(res, 400, call satisfies RpcEnvelope);
    sendJson(res, 200, await runCall(options.app, call.method, call.arg));
  }

  function handleTicket(res: ServerResponse, body: unknown): void {
    const wanted = ticketRequest(body);
    if (!wanted) return sendError(res, 400, 'invalid_request', 'Send {"for": "events"} or {"for": "download", "id": …}.');
    if (wanted.for === 'download') {
      const status = options.downloads.status(wanted.id);
      if (status === 'expired') return sendError(res, 410, 'download_expired', EXPIRED_DOWNLOAD);
      if (status === 'unknown') return sendError(res, 404, 'download_gone', 'This download was already used or has expired. Export again.');
    }
    sendJson(res, 200, { ok: true, result: { ticket: tickets.mint(wanted.for, wanted.for === 'download' ? wanted.id : '') } } satisfies RpcEnvelope);
  }

  async function handleDownload(res: ServerResponse, id: string): Promise<void> {
    const delivery = DOWNLOAD_ID.test(id) ? options.downloads.take(id) : undefined;
    if (delivery === 'expired') return sendError(res, 410, 'download_expired', EXPIRED_DOWNLOAD);
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

  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createServer({ requestTimeout, headersTimeout: requestTimeout, connectionsCheckingInterval: Math.min(1000, requestTimeout / 2) }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'internal', 'Something went wrong inside Teamkeeper.');
      else res.destroy();
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request';
    if (socket.writable) socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
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
