import type { AppErrorInfo, ExportCsvResult } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';

/** What a ticket opens: the event stream, or one waiting download. */
export type TicketFor = { for: 'events' } | { for: 'download'; id: string };

/**
 * A one-time ticket from the host (POST /tickets, session token in the
 * header). EventSource and download links cannot send a header, and the
 * session token must never sit in a URL the browser keeps.
 */
export async function fetchTicket(token: string, wanted: TicketFor, fetchImpl: typeof fetch = fetch): Promise<string> {
  let res: Response;
  try {
    res = await fetchImpl('/tickets', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(wanted),
    });
  } catch {
    throw new AppError({ code: 'host_unreachable', message: 'Teamkeeper is not answering. Is it still running?' });
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; result?: { ticket?: unknown }; error?: unknown } | null;
  if (body?.ok && typeof body.result?.ticket === 'string') return body.result.ticket;
  if (isAppErrorInfo(body?.error)) throw new AppError(body.error);
  throw new AppError({ code: 'bad_response', message: `Teamkeeper answered ${res.status} ${res.statusText}.` });
}

/** A download result whose link carries its own ticket; an expired export says so (the export form shows it). */
export async function ticketedDownload(token: string, result: ExportCsvResult): Promise<ExportCsvResult> {
  if (result.kind !== 'download') return result;
  const ticket = await fetchTicket(token, { for: 'download', id: result.url.slice('/download/'.length) });
  return { ...result, url: `${result.url}?ticket=${encodeURIComponent(ticket)}` };
}

/** How the event stream tries again after it could not open: the first wait, doubled each time, and how many tries in a row before giving up. */
export interface ReopenPolicy {
  baseMs: number;
  tries: number;
}

/** 0.5 s, 1 s, 2 s, 4 s: about 8 s of trying before the page says it lost Teamkeeper. */
export const DEFAULT_REOPEN: ReopenPolicy = { baseMs: 500, tries: 5 };

export interface EventStreamHandlers {
  onMessage(data: string): void;
  /** The stream is open; `first`: for the first time (after that, events sent while it was down are lost). */
  onOpen?(first: boolean): void;
  /** It could not be opened `tries` times in a row (the page's key refused, or Teamkeeper gone): no more tries. */
  onLost?(error: AppErrorInfo): void;
}

/**
 * The host's event stream, each message handed to `onMessage`. A ticket
 * opens it once, so after a drop (which EventSource would retry with the
 * spent ticket) it is reopened with a new one, backing off; `onOpen` says
 * each time it opened. After `policy.tries` failed tries in a row it stops
 * and calls `onLost`: a page whose key the host refuses would otherwise
 * retry forever without a word. Returns close().
 */
export function openTicketedEvents(token: string, handlers: EventStreamHandlers, policy: ReopenPolicy = DEFAULT_REOPEN): () => void {
  let source: EventSource | null = null;
  let closed = false;
  let openedBefore = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const retry = (error: AppErrorInfo) => {
    if (closed) return;
    failures++;
    if (failures >= policy.tries) {
      closed = true;
      handlers.onLost?.(error);
      return;
    }
    timer = setTimeout(() => void open(), policy.baseMs * 2 ** (failures - 1));
  };
  const open = async () => {
    let ticket: string;
    try {
      ticket = await fetchTicket(token, { for: 'events' });
    } catch (err) {
      retry(isAppErrorInfo(err) ? { code: err.code, message: err.message } : { code: 'host_unreachable', message: 'Teamkeeper is not answering.' });
      return;
    }
    if (closed) return;
    let opened = false;
    source = new EventSource(`/events?ticket=${encodeURIComponent(ticket)}`);
    source.onopen = () => {
      opened = true;
      failures = 0;
      const first = !openedBefore;
      openedBefore = true;
      handlers.onOpen?.(first);
    };
    source.onmessage = (message: MessageEvent<string>) => handlers.onMessage(message.data);
    source.onerror = () => {
      source?.close();
      source = null;
      // A stream that was up and dropped starts a fresh count; one that never opened is a failed try.
      if (opened) timer = setTimeout(() => void open(), policy.baseMs);
      else retry({ code: 'host_unreachable', message: 'The event stream of Teamkeeper could not be opened.' });
    };
  };
  void open();
  return () => {
    closed = true;
    clearTimeout(timer);
    source?.close();
    source = null;
  };
}
