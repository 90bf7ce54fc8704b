import { randomBytes } from 'node:crypto';
import type { ExportCsvResult } from '../../preload/contract.js';
import type { CsvDelivery, ExportSink } from '../core/reports/export-sink.js';

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Browser mode's ExportSink: an export becomes a one-time download URL; the
 * CSV is written straight into the HTTP response when the browser fetches it.
 */
export class DownloadRegistry implements ExportSink {
  private pending = new Map<string, { delivery: CsvDelivery; expiresAt: number }>();

  constructor(private readonly ttlMs = TEN_MINUTES) {}

  async deliver(delivery: CsvDelivery): Promise<ExportCsvResult> {
    const now = Date.now();
    for (const [id, p] of this.pending) if (now >= p.expiresAt) this.pending.delete(id);
    const id = randomBytes(18).toString('base64url');
    this.pending.set(id, { delivery, expiresAt: now + this.ttlMs });
    return { kind: 'download', rows: delivery.rows, url: `/download/${id}`, fileName: delivery.fileName };
  }

  /** Redeems a download id once; undefined when unknown, used or expired. */
  take(id: string): CsvDelivery | undefined {
    const p = this.pending.get(id);
    this.pending.delete(id);
    return p && Date.now() < p.expiresAt ? p.delivery : undefined;
  }
}
