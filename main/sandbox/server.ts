import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sandbox, type SandboxOptions } from './sandbox.js';
import { handleRpc } from './http/rpc.js';
import { handleOAuth } from './oauth/http.js';
import { handleControl } from './control/http.js';
import { newRequestId, sendText } from './http/respond.js';
import { DEFAULT_CLIENT_ID } from './oauth/apps.js';

export interface StartOptions extends SandboxOptions {
  /** 0 (default) picks any free port. */
  port?: number;
  /** Web page origins the control API accepts (--allow-origin); by default none, only clients that send no Origin. */
  controlOrigins?: readonly string[];
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT — use as the base URL in place of https://api.dropboxapi.com. */
  url: string;
  clientId: string;
  /** Access token of the first team admin with every team scope. */
  accessToken: string;
  sandbox: Sandbox;
  /** The web page origins the control API accepts; the app adds its own once it knows it. */
  controlOrigins: Set<string>;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1 (never on another interface). */
export async function startSandbox(options: StartOptions = {}): Promise<RunningSandbox> {
  const sandbox = new Sandbox(options);
  const controlOrigins = new Set(options.controlOrigins);
  const server = createServer((req, res) => {
    const requestId = newRequestId();
    const url = URL.parse(req.url ?? '/', 'http://127.0.0.1');
    // An absolute-form target such as "http://[" gets past the HTTP parser but is no URL.
    if (!url) {
      req.resume();
      return sendText(res, 400, 'Bad request: malformed request target', { 'X-Dropbox-Request-Id': requestId });
    }
    const path = url.pathname;
    const done = (p: Promise<void>) =>
      p.catch((err: unknown) => {
        sandbox.lastInternalError = err;
        if (!res.headersSent) sendText(res, 500, 'Internal server error', { 'X-Dropbox-Request-Id': requestId });
        else res.destroy();
      });
    if (path.startsWith('/2/')) return void done(handleRpc(sandbox, req, res, path.slice(3), requestId));
    if (path.startsWith('/oauth2/')) return void done(handleOAuth(sandbox, req, res, url, requestId));
    if (path.startsWith('/__sandbox/')) return void done(handleControl(sandbox, req, res, url, requestId, controlOrigins));
    req.resume();
    sendText(res, 404, 'Not found', { 'X-Dropbox-Request-Id': requestId });
  });
  // Malformed HTTP gets a 400 and a closed socket, never a crash.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    clientId: DEFAULT_CLIENT_ID,
    accessToken: sandbox.accessToken,
    sandbox,
    controlOrigins,
    close: () => closeServer(server, sandbox),
  };
}

function closeServer(server: Server, sandbox: Sandbox): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
    // After the connections: no write can be answered once its log is closed.
    sandbox.close();
  });
}
