import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useBackendLink } from '../../../renderer/src/bridge/backend-link.js';
import { createHttpBridge } from '../../../renderer/src/bridge/http-bridge.js';
import { openTicketedEvents } from '../../../renderer/src/bridge/tickets.js';
import type { SequencedEvent } from '../../../preload/contract.js';

const TOKEN = 'session-token-abc';

/** The browser's EventSource, driven by the test: it opens, delivers and fails when told. */
class FakeEventSource {
  static all: FakeEventSource[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.all.push(this);
  }
  open(): void {
    this.onopen?.();
  }
  send(event: object): void {
    this.onmessage?.({ data: JSON.stringify(event) });
  }
  close(): void {
    this.closed = true;
  }
}

interface HostCall {
  url: string;
  body: unknown;
}

/** fetch as the loopback host answers it: tickets (or a refusal) and /rpc. */
function host(ticketStatus = 200, rpcStatus = 200) {
  const calls: HostCall[] = [];
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const refused = { ok: false, error: { code: 'unauthorized', message: 'Open Teamkeeper from the address it printed at start.' } };
  const f = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: JSON.parse(init.body as string) });
    if (url === '/tickets') return ticketStatus === 200 ? json(200, { ok: true, result: { ticket: `t${calls.length}` } }) : json(ticketStatus, refused);
    return rpcStatus === 200 ? json(200, { ok: true, result: [] }) : json(rpcStatus, refused);
  });
  vi.stubGlobal('fetch', f);
  return calls;
}

const event = (seq: number): SequencedEvent => ({ type: 'job.state', jobId: 'job-20260101T000000-00000000', state: 'running', connectionId: 'sandbox', seq });

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.all = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  useBackendLink.setState({ lost: false, message: '' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the event stream when the host refuses it', () => {
  it('tries a bounded number of times, backing off, then says it lost Teamkeeper and stops', async () => {
    const calls = host(401);
    const lost = vi.fn();
    openTicketedEvents(TOKEN, { onMessage: () => {}, onLost: lost }, { baseMs: 500, tries: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    // 0.5 s, 1 s, 2 s, 4 s between the tries.
    await vi.advanceTimersByTimeAsync(499);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000);
    expect(calls).toHaveLength(5);
    expect(lost).toHaveBeenCalledWith({ code: 'unauthorized', message: 'Open Teamkeeper from the address it printed at start.' });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(5);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('the bridge marks the back end lost, which the header shows', async () => {
    host(401);
    createHttpBridge(TOKEN, { baseMs: 10, tries: 3 });
    await vi.advanceTimersByTimeAsync(100);
    expect(useBackendLink.getState()).toMatchObject({ lost: true, message: expect.stringContaining('Reload the page') });
  });

  it('an RPC refused for the page key also marks it lost', async () => {
    host(200, 401);
    const bridge = createHttpBridge(TOKEN);
    await vi.advanceTimersByTimeAsync(0);
    FakeEventSource.all[0].open();
    await expect(bridge.listConnections()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(useBackendLink.getState().lost).toBe(true);
  });
});

describe('nothing sent at start-up is lost', () => {
  it('opens the stream before any read, holds reads until it is open, and keeps early events for the first listener', async () => {
    const calls = host();
    const bridge = createHttpBridge(TOKEN);
    const read = bridge.listConnections();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url)).toEqual(['/tickets']);
    const stream = FakeEventSource.all[0];
    stream.open();
    await read;
    expect(calls.map((c) => c.url)).toEqual(['/tickets', '/rpc']);
    // Events before any store subscribed reach the first one, in order; no re-read is needed.
    stream.send(event(1));
    stream.send(event(2));
    const got: number[] = [];
    const resync = vi.fn();
    bridge.onEvent((e) => got.push(e.seq), resync);
    stream.send(event(3));
    expect(got).toEqual([1, 2, 3]);
    expect(resync).not.toHaveBeenCalled();
  });

  it('a read that could not wait for the stream makes the stores re-read once it opens', async () => {
    const calls = host();
    const bridge = createHttpBridge(TOKEN);
    const resync = vi.fn();
    bridge.onEvent(() => {}, resync);
    const read = bridge.listConnections();
    await vi.advanceTimersByTimeAsync(3000);
    await read;
    expect(calls.map((c) => c.url)).toEqual(['/tickets', '/rpc']);
    expect(resync).not.toHaveBeenCalled();
    FakeEventSource.all[0].open();
    expect(resync).toHaveBeenCalledTimes(1);
  });

  it('a stream that dropped and opened again makes the stores re-read', async () => {
    host();
    const bridge = createHttpBridge(TOKEN);
    const resync = vi.fn();
    bridge.onEvent(() => {}, resync);
    await vi.advanceTimersByTimeAsync(0);
    FakeEventSource.all[0].open();
    expect(resync).not.toHaveBeenCalled();
    FakeEventSource.all[0].onerror!();
    await vi.advanceTimersByTimeAsync(1000);
    FakeEventSource.all[1].open();
    expect(resync).toHaveBeenCalledTimes(1);
    expect(useBackendLink.getState().lost).toBe(false);
  });
});
