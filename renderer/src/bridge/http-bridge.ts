import { API_METHODS, EXPORT_METHODS, type Api, type ApiMethod, type SequencedEvent, type TeamkeeperBridge } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';
import { useBackendLink } from './backend-link.js';
import { DEFAULT_REOPEN, openTicketedEvents, ticketedDownload, type ReopenPolicy } from './tickets.js';

type Listener = (event: SequencedEvent) => void;

/** How long a call waits for the event stream to open before it goes anyway (the stores then re-read once it opens). */
const STREAM_WAIT_MS = 3000;
/** Events kept while no store has subscribed yet; beyond this they are dropped and the stores re-read instead. */
const MAX_EARLY_EVENTS = 10_000;

/**
 * window.teamkeeper for browser mode: the same Api over the loopback host
 * (POST /rpc, Server-Sent Events on /events), authorised by the per-run token
 * in a header; the event stream and downloads open with one-time tickets.
 *
 * Nothing main sends is lost at start-up: the event stream opens as the
 * bridge is made, calls wait for it (a short while) so every read is answered
 * after the stream is up, and events that arrive before the stores subscribe
 * are kept for them. A call that could not wait, or a stream that reopened,
 * makes the stores re-read (onReconnect).
 */
export function createHttpBridge(token: string | null, policy: ReopenPolicy = DEFAULT_REOPEN): TeamkeeperBridge {
  const listeners = new Set<Listener>();
  const reconnectListeners = new Set<() => void>();
  let closeEvents: (() => void) | null = null;
  let everOpened = false;
  let lost = false;
  let callsBeforeOpen = false;
  /** A re-read is due but no store has subscribed yet to do it. */
  let resyncOwed = false;
  let early: SequencedEvent[] | null = [];
  let streamUp!: () => void;
  const streamReady = new Promise<void>((resolve) => (streamUp = resolve));

  function markLost(reason: 'refused' | 'unreachable'): void {
    lost = true;
    useBackendLink.getState().markLost(reason);
  }

  async function call<M extends ApiMethod>(method: M, arg: Parameters<Api[M]>[0] | null): Promise<Awaited<ReturnType<Api[M]>>> {
    if (!token) {
      throw new AppError({
        code: 'no_token',
        message: 'This page was opened without its access key. Open the TEAMKEEPER_URL printed by `npm start`.',
      });
    }
    if (!everOpened) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([streamReady, new Promise<void>((resolve) => (timer = setTimeout(resolve, STREAM_WAIT_MS)))]);
      clearTimeout(timer);
      if (!everOpened) callsBeforeOpen = true;
    }
    let res: Response;
    try {
      res = await fetch('/rpc', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ method, arg: arg ?? null }),
      });
    } catch {
      throw new AppError({ code: 'host_unreachable', message: 'Teamkeeper is not answering. Is it still running?' });
    }
    if (res.status === 401) markLost('refused');
    const body: unknown = await res.json().catch(() => null);
    if (typeof body === 'object' && body !== null && 'ok' in body) {
      const envelope = body as { ok: boolean; result?: unknown; error?: unknown };
      if (envelope.ok) return envelope.result as Awaited<ReturnType<Api[M]>>;
      if (isAppErrorInfo(envelope.error)) throw new AppError(envelope.error);
    }
    throw new AppError({
      code: res.status === 401 ? 'unauthorized' : 'bad_response',
      message:
        res.status === 401
          ? 'The access key of this page is no longer valid. Open the TEAMKEEPER_URL printed by `npm start` again.'
          : `Teamkeeper answered ${res.status} ${res.statusText}.`,
    });
  }

  function deliver(data: string): void {
    let event: SequencedEvent;
    try {
      event = JSON.parse(data) as SequencedEvent;
    } catch {
      return;
    }
    if (early) {
      if (early.length < MAX_EARLY_EVENTS) early.push(event);
      else resyncOwed = true;
      return;
    }
    for (const listener of listeners) listener(event);
  }

  /** Whatever main sent that this page did not get is lost: the stores re-read. */
  function reconnected(): void {
    if (reconnectListeners.size === 0) resyncOwed = true;
    for (const onReconnect of reconnectListeners) onReconnect();
  }

  function openEvents(): void {
    if (closeEvents || !token || lost) return;
    closeEvents = openTicketedEvents(
      token,
      {
        onMessage: deliver,
        onOpen: () => {
          const first = !everOpened;
          everOpened = true;
          streamUp();
          if (!first || callsBeforeOpen) reconnected();
        },
        onLost: (error) => {
          closeEvents = null;
          streamUp();
          markLost(error.code === 'unauthorized' ? 'refused' : 'unreachable');
        },
      },
      policy,
    );
  }

  /** An export's download link carries a one-time ticket, never the token; the UI code sees neither. */
  function exporting(method: (typeof EXPORT_METHODS)[number]) {
    return async (arg: unknown) => {
      const result = await call(method, arg as never);
      return token ? ticketedDownload(token, result) : result;
    };
  }

  // Every method of the contract, as the preload builds them; only the exports add a step.
  const bridge: Record<string, unknown> = Object.create(null);
  for (const method of API_METHODS) bridge[method] = (arg?: unknown) => call(method, (arg ?? null) as never);
  for (const method of EXPORT_METHODS) bridge[method] = exporting(method);
  bridge.onEvent = (listener: Listener, onReconnect?: () => void) => {
    listeners.add(listener);
    if (onReconnect) reconnectListeners.add(onReconnect);
    // What arrived before anyone listened, in order, then a re-read if some of it had to be dropped.
    const kept = early;
    early = null;
    for (const event of kept ?? []) listener(event);
    if (onReconnect && resyncOwed) {
      resyncOwed = false;
      onReconnect();
    }
    openEvents();
    return () => {
      listeners.delete(listener);
      if (onReconnect) reconnectListeners.delete(onReconnect);
      if (listeners.size === 0 && closeEvents) {
        closeEvents();
        closeEvents = null;
      }
    };
  };
  // Open now, before the stores' first reads, so none of their answers predates the stream.
  openEvents();
  return bridge as unknown as TeamkeeperBridge;
}
