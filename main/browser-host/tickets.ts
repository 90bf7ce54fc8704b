import { randomBytes } from 'node:crypto';

export type TicketPurpose = 'events' | 'download';

export interface TicketOptions {
  /** How long a ticket may wait to be used. */
  ttlMs?: number;
  /** Unused tickets kept at once; the oldest go first. */
  max?: number;
  now?: () => number;
}

/**
 * EventSource and download links cannot send a header, so /events and
 * /download/<id> take a ticket in the query instead of the session token: a
 * random value minted over an authenticated POST, good once, for one
 * purpose (and one download), for a few seconds. A URL the browser keeps
 * (history, the downloads list) then holds nothing that still works.
 */
export class TicketBook {
  private readonly tickets = new Map<string, { purpose: TicketPurpose; subject: string; expiresAt: number }>();
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(options: TicketOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.max = options.max ?? 64;
    this.now = options.now ?? Date.now;
  }

  /** `subject`: the download id, or '' for the event stream. */
  mint(purpose: TicketPurpose, subject: string): string {
    const ticket = randomBytes(32).toString('base64url');
    this.tickets.set(ticket, { purpose, subject, expiresAt: this.now() + this.ttlMs });
    while (this.tickets.size > this.max) this.tickets.delete(this.tickets.keys().next().value!);
    return ticket;
  }

  /** True once for a live ticket of this purpose and subject; any attempt spends the ticket. */
  redeem(ticket: string | undefined | null, purpose: TicketPurpose, subject: string): boolean {
    if (!ticket) return false;
    const t = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    return !!t && t.purpose === purpose && t.subject === subject && this.now() < t.expiresAt;
  }
}
