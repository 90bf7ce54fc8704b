import type { ServerResponse } from 'node:http';
import type { SequencedEvent } from '../../preload/contract.js';
import { SECURITY_HEADERS } from '../renderer-files/csp.js';

/** Keeps idle proxies and the browser from dropping a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** One Server-Sent Events client: each event, with its sequence number, as `data: <json>`. */
export function openEventStream(res: ServerResponse, subscribe: (listener: (e: SequencedEvent) => void) => () => void): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // A comment line first, so clients see the stream open at once.
  res.write(': connected\n\n');
  const unsubscribe = subscribe((event) => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  res.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
