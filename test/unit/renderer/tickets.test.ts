import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchTicket, ticketedDownload } from '../../../renderer/src/bridge/tickets.js';

const TOKEN = 'session-token-abc';

function answering(status: number, body: unknown): typeof fetch & { calls: Array<[string, RequestInit]> } {
  const calls: Array<[string, RequestInit]> = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push([url, init]);
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch & { calls: Array<[string, RequestInit]> };
  f.calls = calls;
  return f;
}

afterEach(() => vi.unstubAllGlobals());

describe('tickets in the browser bridge', () => {
  it('asks for a ticket with the token in the header, not the address', async () => {
    const f = answering(200, { ok: true, result: { ticket: 't1' } });
    expect(await fetchTicket(TOKEN, { for: 'events' }, f)).toBe('t1');
    const [url, init] = f.calls[0];
    expect(url).toBe('/tickets');
    expect(url).not.toContain(TOKEN);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).Authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(init.body as string)).toEqual({ for: 'events' });
  });

  it('gives a download link its own ticket; the token is in no URL', async () => {
    vi.stubGlobal('fetch', answering(200, { ok: true, result: { ticket: 'dl-ticket' } }));
    const r = await ticketedDownload(TOKEN, { kind: 'download', rows: 3, url: '/download/abc', fileName: 'm.csv' });
    expect(r).toEqual({ kind: 'download', rows: 3, url: '/download/abc?ticket=dl-ticket', fileName: 'm.csv' });
  });

  it('passes on the host’s sentence when the export expired', async () => {
    vi.stubGlobal('fetch', answering(410, { ok: false, error: { code: 'download_expired', message: 'This export expired; export again.' } }));
    await expect(ticketedDownload(TOKEN, { kind: 'download', rows: 3, url: '/download/abc', fileName: 'm.csv' })).rejects.toMatchObject({
      code: 'download_expired',
      message: 'This export expired; export again.',
    });
  });
});
