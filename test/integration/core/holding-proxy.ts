import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An HTTP relay to a sandbox that can hold back the answers of one route: the
 * sandbox answers at once (its state as of then), and the relay delivers that
 * answer only when released. A read made before a change that arrives after it.
 */
export interface HoldingProxy {
  url: string;
  /** Holds the next answers of `route` (e.g. team/members/list_v2); resolves once one is held. */
  hold(route: string): Promise<void>;
  /** Delivers every held answer and stops holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  let holding: string | null = null;
  let held: Array<() => void> = [];
  let onHeld: (() => void) | null = null;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'connection') headers.set(k, v);
      fetch(target + (req.url ?? '/'), { method: req.method, headers, body: body.length ? body : undefined, redirect: 'manual' }).then(
        async (answer) => {
          const bytes = Buffer.from(await answer.arrayBuffer());
          const deliver = () => {
            const out: Record<string, string | number> = { 'Content-Type': answer.headers.get('content-type') ?? 'application/octet-stream', 'Content-Length': bytes.length };
            const requestId = answer.headers.get('x-dropbox-request-id');
            if (requestId) out['X-Dropbox-Request-Id'] = requestId;
            res.writeHead(answer.status, out);
            res.end(bytes);
          };
          if (holding !== null && req.url === `/2/${holding}`) {
            held.push(deliver);
            onHeld?.();
          } else deliver();
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hold: (route) =>
      new Promise<void>((resolve) => {
        holding = route;
        onHeld = () => {
          onHeld = null;
          resolve();
        };
      }),
    release() {
      holding = null;
      const waiting = held;
      held = [];
      for (const deliver of waiting) deliver();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
