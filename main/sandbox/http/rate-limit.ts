/**
 * The team's write limit as a token bucket: `rate` writes per second with a
 * burst of one second's worth (at least one write). Rate-limited calls count
 * against the limit, as Dropbox documents, so a client that ignores
 * Retry-After stays throttled.
 */
export class WriteLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(private rate: number) {
    this.tokens = this.capacity;
  }

  /** Changed at run time by POST /__sandbox/config. */
  setRate(rate: number, now = Date.now()): void {
    const wasUnlimited = this.rate <= 0;
    this.rate = rate;
    // Coming from "unlimited" there is no debt to carry: start with a full bucket.
    this.tokens = wasUnlimited ? this.capacity : Math.min(this.tokens, this.capacity);
    this.last = now;
  }

  get limit(): number {
    return this.rate;
  }

  private get capacity(): number {
    return Math.max(1, this.rate);
  }

  /** Undefined when the write may go ahead, else the seconds to wait. */
  take(now = Date.now()): number | undefined {
    if (this.rate <= 0) return undefined;
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return undefined;
    // When the bucket will hold a whole write again (this refused call counted
    // too), in whole seconds as the header carries them: waiting that long works.
    return Math.max(1, Math.ceil((1 - this.tokens) / this.rate));
  }
}
