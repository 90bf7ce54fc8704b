/**
 * How many calls one endpoint may have in flight: additive increase (+1 after
 * a full window of successes, i.e. `limit` in a row), multiplicative decrease
 * (halve on a 429, never below 1).
 */
export class AimdLimit {
  private current: number;
  private streak = 0;
  /** Attempts started so far; each gets the next number. */
  private started = 0;
  /** Attempts numbered below this were sent before the last decrease. */
  private fence = 0;

  constructor(
    initial: number,
    private readonly max: number,
  ) {
    this.current = Math.max(1, Math.min(initial, max));
  }

  get limit(): number {
    return this.current;
  }

  /** Numbers an attempt as it is sent, for `succeeded` and `throttled`. */
  start(): number {
    return this.started++;
  }

  /** Successes of calls sent before the last decrease belong to the old window and do not count. */
  succeeded(attempt: number): void {
    if (attempt < this.fence) return;
    if (++this.streak < this.current) return;
    this.streak = 0;
    this.current = Math.min(this.max, this.current + 1);
  }

  failed(): void {
    this.streak = 0;
  }

  /**
   * Halves once per burst: the other calls that were already in flight when
   * the first 429 came back carry no news and must not halve again.
   */
  throttled(attempt: number): void {
    this.streak = 0;
    if (attempt < this.fence) return;
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.fence = this.started;
  }
}
