/**
 * The team's write limit as a token bucket: `rate` writes per second with a
 * burst of one second's worth. Rate-limited calls count against the limit, as
 * Dropbox documents, so a client that ignores Retry-After stays throttled.
 */
export class WriteLimiter {
  private tokens: number;
  private last = Date.now();

  constructor(private rate: number) {
    this.tokens = rate;
  }

  setRate(rate: number): void {
    this.rate = rate;
    this.tokens = Math.min(this.tokens, rate);
  }

  get limit(): number {
    return this.rate;
  }

  /** Undefined when the write may go ahead, else the seconds to wait. */
  take(now = Date.now()): number | undefined {
    if (this.rate <= 0) return undefined;
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return undefined;
    // Whole seconds, as the header carries them; at least one.
    return Math.max(1, Math.ceil(-this.tokens / this.rate));
  }
}
