import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../errors.js';
import { CALLBACK_PATH, loopbackRedirectUri } from './pkce.js';

/** The consent page is answered by a person; after this long the attempt is over. */
export const LOOPBACK_TIMEOUT_MS = 10 * 60_000;

export interface LoopbackOptions {
  /** 0 = any free port (tests). */
  port: number;
  /**
   * Handles Dropbox's redirect (state check, code exchange, verification).
   * Resolves with the sentence the tab shows; rejects with the reason.
   */
  onRedirect(url: URL): Promise<string>;
  /** The admin never came back. */
  onTimeout(): void;
  /**
   * Whether a redirect's `state` is the attempt's own. Any web page can make
   * the browser request /callback: only the right state may end the attempt.
   */
  acceptsState(state: string | null): boolean;
  timeoutMs?: number;
}

export interface LoopbackListener {
  /** Exactly what goes into the authorize URL and the token exchange. */
  redirectUri: string;
  close(): void;
}

function parseTarget(target: string | undefined): URL | undefined {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return undefined;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, status: number, title: string, message: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:3rem auto;padding:0 1rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  res.end(html);
}

/**
 * The one-shot listener on 127.0.0.1 that receives Dropbox's redirect for
 * one connect attempt (RFC 8252 loopback redirect). It answers the first
 * request to /callback that carries the attempt's state with the outcome and
 * shuts down; others are answered and ignored. It also shuts down on timeout
 * or close().
 */
export async function listenForRedirect(options: LoopbackOptions): Promise<LoopbackListener> {
  let answered = false;
  const timeout: { timer?: NodeJS.Timeout } = {};
  const server = createServer((req, res) => {
    req.resume();
    // A malformed request target must not throw here: this runs in the app's main process.
    const url = parseTarget(req.url);
    if (!url || url.pathname !== CALLBACK_PATH || (req.method !== 'GET' && req.method !== 'HEAD')) return page(res, 404, 'Not found', 'This address only receives the answer from Dropbox.');
    if (answered) return page(res, 409, 'Already answered', 'This sign-in attempt is already finished. You can close this tab.');
    if (!options.acceptsState(url.searchParams.get('state'))) {
      return page(res, 400, 'Not this sign-in', 'This answer does not belong to the sign-in Teamkeeper is waiting for, so it was ignored.');
    }
    answered = true;
    clearTimeout(timeout.timer);
    options.onRedirect(url).then(
      (message) => page(res, 200, 'Teamkeeper is connected', message),
      (err: unknown) => {
        const message = err instanceof AppError ? err.message : 'Teamkeeper could not finish connecting. Start again from the app.';
        page(res, 400, 'Teamkeeper could not connect', message);
      },
    ).finally(close);
  });
  const close = () => {
    clearTimeout(timeout.timer);
    server.close();
    server.closeIdleConnections();
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE' || err.code === 'EACCES') {
        reject(
          new AppError(
            'oauth_port_in_use',
            `Port ${options.port} on this computer is in use by another program, so Teamkeeper can't receive Dropbox's answer. Close that program and try again, or connect by pasting the code instead.`,
          ),
        );
      } else reject(err);
    });
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  timeout.timer = setTimeout(() => {
    if (answered) return;
    answered = true;
    close();
    options.onTimeout();
  }, options.timeoutMs ?? LOOPBACK_TIMEOUT_MS).unref();
  const { port } = server.address() as AddressInfo;
  return { redirectUri: loopbackRedirectUri(port), close };
}
