import { describe, expect, it } from 'vitest';
import { DownloadRegistry } from '../../../main/browser-host/downloads.js';
import type { CsvDelivery } from '../../../main/core/reports/export-sink.js';

function delivery(rows: number): CsvDelivery {
  return { fileName: `x-${rows}.csv`, rows, write: async (out) => (out.end(), { rows, bytes: 0 }) };
}

const idOf = (url: string) => url.slice('/download/'.length);

describe('pending browser downloads', () => {
  it('caps their number: the oldest is evicted and then answers "expired"', async () => {
    const reg = new DownloadRegistry({ maxPending: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await reg.deliver(delivery(10));
      if (r.kind !== 'download') throw new Error('expected a download');
      ids.push(idOf(r.url));
    }
    expect(reg.pendingCount).toBe(3);
    expect(reg.take(ids[0])).toBe('expired');
    expect(reg.take(ids[1])).toBe('expired');
    for (const id of ids.slice(2)) expect(typeof reg.take(id)).toBe('object');
    // Used once: a second request is simply unknown.
    expect(reg.take(ids[4])).toBeUndefined();
    expect(reg.take('never-made')).toBeUndefined();
  });

  it('caps the rows they hold in total, keeping at least the newest export', async () => {
    const reg = new DownloadRegistry({ maxRows: 100 });
    const a = await reg.deliver(delivery(60));
    const b = await reg.deliver(delivery(60));
    const huge = await reg.deliver(delivery(500));
    if (a.kind !== 'download' || b.kind !== 'download' || huge.kind !== 'download') throw new Error('expected downloads');
    expect(reg.take(idOf(a.url))).toBe('expired');
    expect(reg.take(idOf(b.url))).toBe('expired');
    expect(reg.take(idOf(huge.url))).toMatchObject({ rows: 500 });
  });

  it('says "expired" after the time to live, and forgets', async () => {
    let now = 0;
    const reg = new DownloadRegistry({ ttlMs: 1000, now: () => now });
    const r = await reg.deliver(delivery(1));
    if (r.kind !== 'download') throw new Error('expected a download');
    now = 1000;
    expect(reg.status(idOf(r.url))).toBe('expired');
    expect(reg.take(idOf(r.url))).toBe('expired');
    expect(reg.pendingCount).toBe(0);
  });

  it('60 exports never downloaded hold at most the cap', async () => {
    const reg = new DownloadRegistry();
    for (let i = 0; i < 60; i++) await reg.deliver(delivery(50_000));
    expect(reg.pendingCount).toBeLessThanOrEqual(reg.limits.maxPending);
    expect(reg.pendingRows).toBeLessThanOrEqual(Math.max(reg.limits.maxRows, 50_000));
  });
});
