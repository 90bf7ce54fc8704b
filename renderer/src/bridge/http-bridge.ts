import type { Api, ApiMethod, AppEvent, ExportCsvResult, TeamkeeperBridge } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';
import { openTicketedEvents, ticketedDownload } from './tickets.js';

type Listener = (event: AppEvent) => void;

/**
 * window.teamkeeper for browser mode: the same Api over the loopback host
 * (POST /rpc, Server-Sent Events on /events), authorised by the per-run token
 * in a header; the event stream and downloads open with one-time tickets.
 */
export function createHttpBridge(token: string | null): TeamkeeperBridge {
  const listeners = new Set<Listener>();
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
    closeEvents = openTicketedEvents(token, (data) => {
      let event: AppEvent;
      try {
        event = JSON.parse(data) as AppEvent;
      } catch {
        return;
      }
      for (const listener of listeners) listener(event);
    });
  }

  return {
    getAppInfo: () => call('getAppInfo', null),
    listConnections: () => call('listConnections', null),
    getActiveConnection: () => call('getActiveConnection', null),
    getDirectory: (arg) => call('getDirectory', arg),
    refreshDirectory: (arg) => call('refreshDirectory', arg),
    getMemberDetail: (arg) => call('getMemberDetail', arg),
    async exportMembersCsv(arg): Promise<ExportCsvResult> {
      const result = await call('exportMembersCsv', arg);
      // The download link carries a one-time ticket, never the token; the UI code sees neither.
      return token ? ticketedDownload(token, result) : result;
    },
    getConnectGuide: () => call('getConnectGuide', null),
    startConnect: (arg) => call('startConnect', arg),
    completeConnect: (arg) => call('completeConnect', arg),
    cancelConnect: (arg) => call('cancelConnect', arg),
    switchConnection: (arg) => call('switchConnection', arg),
    renameConnection: (arg) => call('renameConnection', arg),
    disconnect: (arg) => call('disconnect', arg),
    onEvent(listener) {
      listeners.add(listener);
      openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && closeEvents) {
          closeEvents();
          closeEvents = null;
        }
      };
    },
  };
}
