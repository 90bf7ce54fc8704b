import { randomBytes } from 'node:crypto';
import type { ExportCsvResult } from '../../preload/contract.js';
import type { CsvDelivery, ExportSink } from '../core/reports/export-sink.js';

const TEN_MINUTES = 10 * 60 * 1000;

export interface DownloadLimits {
  ttlMs: number;
  /** Exports waiting to be downloaded at once. */
  maxPending: number;
  /**
   * Rows held by waiting exports in total: a waiting export keeps its rows
   * in memory, so rows are what it weighs (about 5 whole-team exports of
   * 50,000 members). The newest export is always kept, however large.
   */
  maxRows: number;
}

export const DEFAULT_DOWNLOAD_LIMITS: DownloadLimits = { ttlMs: TEN_MINUTES, maxPending: 10, maxRows: 250_000 };

/** Ids of expired or evicted downloads remembered, so a late request hears "expired" rather than "unknown". */
const REMEMBER_GONE = 256;

/**
 * Browser mode's ExportSink: an export becomes a one-time download URL; the
 * CSV is written straight into the HTTP response when the browser fetches it.
 * Exports nobody downloads are bounded in number, rows and time; the oldest
 * go first.
 */
export class DownloadRegistry implements ExportSink {
  readonly limits: DownloadLimits;
  private pending = new Map<string, { delivery: CsvDelivery; expiresAt: number }>();
  private gone = new Set<string>();
  private rows = 0;
  private readonly now: () => number;

  constructor(options: Partial<DownloadLimits> & { now?: () => number } = {}) {
    const { now, ...limits } = options;
    this.limits = { ...DEFAULT_DOWNLOAD_LIMITS, ...limits };
    this.now = now ?? Date.now;
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get pendingRows(): number {
    return this.rows;
  }

  async deliver(delivery: CsvDelivery): Promise<ExportCsvResult> {
    const id = randomBytes(18).toString('base64url');
    this.pending.set(id, { delivery, expiresAt: this.now() + this.limits.ttlMs });
    this.rows += delivery.rows;
    this.prune();
    return { kind: 'download', rows: delivery.rows, url: `/download/${id}`, fileName: delivery.fileName };
  }

  /** Whether a download can still be fetched. */
  status(id: string): 'pending' | 'expired' | 'unknown' {
    this.prune();
    return this.pending.has(id) ? 'pending' : this.gone.has(id) ? 'expired' : 'unknown';
  }

  /** Redeems a download id once; 'expired' when it timed out or was evicted, undefined when unknown or used. */
  take(id: string): CsvDelivery | 'expired' | undefined {
    const status = this.status(id);
    if (status !== 'pending') return status === 'expired' ? 'expired' : undefined;
    const p = this.pending.get(id)!;
    this.drop(id, false);
    return p.delivery;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, p] of this.pending) if (now >= p.expiresAt) this.drop(id, true);
    // Oldest first, never the newest: an export larger than the cap can still be downloaded.
    for (const id of [...this.pending.keys()].slice(0, -1)) {
      if (this.pending.size <= this.limits.maxPending && this.rows <= this.limits.maxRows) break;
      this.drop(id, true);
    }
  }

  private drop(id: string, expired: boolean): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    this.rows -= p.delivery.rows;
    if (!expired) return;
    this.gone.add(id);
    if (this.gone.size > REMEMBER_GONE) this.gone.delete(this.gone.values().next().value!);
  }
}
