import { randomBytes } from 'node:crypto';

/**
 * Random keys that each redeem a value once, within a lifetime. Authorization
 * codes and pending consent requests both work this way: a key that was taken,
 * even by a failed attempt, never works again.
 */
export class OneTimeStore<T> {
  private entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  put(value: T, now = Date.now()): string {
    this.sweep(now);
    const key = `${this.prefix}${randomBytes(24).toString('base64url')}`;
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    return key;
  }

  /** Looks without redeeming (the consent page renders before the decision). */
  peek(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key);
    return e && now < e.expiresAt ? e.value : undefined;
  }

  take(key: string, now = Date.now()): T | undefined {
    const e = this.entries.get(key);
    this.entries.delete(key);
    return e && now < e.expiresAt ? e.value : undefined;
  }

  /** Expired entries are dropped on the next put, so abandoned flows do not pile up. */
  private sweep(now: number): void {
    for (const [k, e] of this.entries) if (now >= e.expiresAt) this.entries.delete(k);
  }
}
