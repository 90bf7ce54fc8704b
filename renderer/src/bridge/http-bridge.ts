import { API_METHODS, EXPORT_METHODS, type Api, type ApiMethod, type SequencedEvent, type TeamkeeperBridge } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';
import { openTicketedEvents, ticketedDownload } from './tickets.js';

type Listener = (event: SequencedEvent) => void;

/**
 * window.teamkeeper for browser mode: the same Api over the loopback host
 * (POST /rpc, Server-Sent Events on /events), authorised by the per-run token
 * in a header; the event stream and downloads open with one-time tickets.
 */
export function createHttpBridge(token: string | null): TeamkeeperBridge {
  const listeners = new Set<Listener>();
  const reconnectListeners = new Set<() => void>();
  let closeEvents: (() => void) | null = null;

  async function call<M extends ApiMethod>(method: M, arg: Parameters<Api[M]>[0] | null): Promise<Awaited<ReturnType<Api[M]>>> {
    if (!token) {
      throw new AppError({
        code: 'no_token',
        message: 'This page was opened without its access key. Open the TEAMKEEPER_URL printed by `npm start`.',
      });
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

  function openEvents(): void {
    if (closeEvents || !token) return;
    closeEvents = openTicketedEvents(
      token,
      (data) => {
        let event: SequencedEvent;
        try {
          event = JSON.parse(data) as SequencedEvent;
        } catch {
          return;
        }
        for (const listener of listeners) listener(event);
      },
      // Whatever was sent while the stream was down is lost: the stores re-read.
      () => {
        for (const onReconnect of reconnectListeners) onReconnect();
      },
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
  return bridge as unknown as TeamkeeperBridge;
}
