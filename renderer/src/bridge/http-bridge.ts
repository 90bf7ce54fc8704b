import { API_METHODS, type Api, type ApiMethod, type ExportCsvResult, type SequencedEvent, type TeamkeeperBridge } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';

type Listener = (event: SequencedEvent) => void;

/**
 * window.teamkeeper for browser mode: the same Api over the loopback host
 * (POST /rpc, Server-Sent Events on /events), authorised by the per-run token.
 */
export function createHttpBridge(token: string | null): TeamkeeperBridge {
  const listeners = new Set<Listener>();
  const reconnectListeners = new Set<() => void>();
  let source: EventSource | null = null;

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
    if (source || !token) return;
    source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    let opened = false;
    // EventSource reconnects by itself after a drop; whatever was sent meanwhile is lost.
    source.onopen = () => {
      if (opened) for (const l of reconnectListeners) l();
      opened = true;
    };
    source.onmessage = (message: MessageEvent<string>) => {
      let event: SequencedEvent;
      try {
        event = JSON.parse(message.data) as SequencedEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    };
  }

  async function exportMembersCsv(arg: Parameters<Api['exportMembersCsv']>[0]): Promise<ExportCsvResult> {
    const result = await call('exportMembersCsv', arg);
    // The one-time download link needs the token like every other request;
    // adding it here keeps the token out of the UI code.
    if (result.kind === 'download' && token) {
      const sep = result.url.includes('?') ? '&' : '?';
      return { ...result, url: `${result.url}${sep}token=${encodeURIComponent(token)}` };
    }
    return result;
  }

  // Every method of the contract, as the preload builds them; only the export adds a step.
  const bridge: Record<string, unknown> = Object.create(null);
  for (const method of API_METHODS) bridge[method] = (arg?: unknown) => call(method, (arg ?? null) as never);
  bridge.exportMembersCsv = exportMembersCsv;
  bridge.onEvent = (listener: Listener, onReconnect?: () => void) => {
    listeners.add(listener);
    if (onReconnect) reconnectListeners.add(onReconnect);
    openEvents();
    return () => {
      listeners.delete(listener);
      if (onReconnect) reconnectListeners.delete(onReconnect);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
  return bridge as unknown as TeamkeeperBridge;
}
