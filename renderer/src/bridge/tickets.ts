import type { ExportCsvResult } from '../../../preload/contract.js';
import { AppError, isAppErrorInfo } from './app-error.js';

/** What a ticket opens: the event stream, or one waiting download. */
export type TicketFor = { for: 'events' } | { for: 'download'; id: string };

/** How long the event stream waits before asking for a new ticket after it dropped. */
const REOPEN_MS = 1000;

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

/**
 * The host's event stream, each message handed to `onMessage`. A ticket
 * opens it once, so after a drop (which EventSource would retry with the
 * spent ticket) it is reopened with a new one, and `onReopen` is told:
 * whatever was sent in between is lost, so the caller re-reads. Returns close().
 */
export function openTicketedEvents(token: string, onMessage: (data: string) => void, onReopen: () => void = () => {}): () => void {
  let source: EventSource | null = null;
  let closed = false;
  let openedBefore = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const open = async () => {
    let ticket: string;
    try {
      ticket = await fetchTicket(token, { for: 'events' });
    } catch {
      if (!closed) timer = setTimeout(() => void open(), REOPEN_MS);
      return;
    }
    if (closed) return;
    source = new EventSource(`/events?ticket=${encodeURIComponent(ticket)}`);
    source.onopen = () => {
      if (openedBefore) onReopen();
      openedBefore = true;
    };
    source.onmessage = (message: MessageEvent<string>) => onMessage(message.data);
    source.onerror = () => {
      source?.close();
      source = null;
      if (!closed) timer = setTimeout(() => void open(), REOPEN_MS);
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
