export interface PacerOptions {
  /** After a throttle, pace this fraction below the measured rate. */
  backoff: number;
  /** While paced writes succeed, raise the rate by this fraction per second, to find a higher limit. */
  probe: number;
  /** Two throttles further apart than this say nothing about the current limit. */
  maxSampleMs: number;
}

/** Never slower than one write per ten seconds, whatever the measurements say. */
const MIN_RATE = 0.1;

/**
 * Spreads the team's writes at a learned rate once Dropbox has said
 * too_many_write_operations.
 *
 * Why: Dropbox's write limit is per team and unpublished, refused calls count
 * against it, and Retry-After comes in whole seconds. A client that bursts
 * until refused and then waits out Retry-After loses the refused calls and
 * most of each wait. So writes go unpaced until the first throttle; from then
 * on they leave one every 1/rate seconds.
 *
 * The rate is measured, not guessed: a refused write means the team's budget
 * was empty when it arrived. Between two such moments everything sent was
 * spent from what refilled in between, so (writes sent between the two) /
 * (time between their sends) is the refill rate. The first throttle only sets
 * that anchor. The rate is then held a little below the measurement and
 * probes upwards slowly, so a raised limit is found again.
 */
export class WritePacer {
  private rate: number | undefined;
  private nextAt = 0;
  private sent = 0;
  /** Writes numbered below this were already in flight when the last counted 429 came back. */
  private fence = 0;
  private anchor: { ticket: number; sentAt: number } | undefined;

  constructor(private readonly o: PacerOptions) {}

  /** Writes per second, or undefined while unpaced. */
  get pacedRate(): number | undefined {
    return this.rate;
  }

  /** The earliest time the next write may be sent. */
  readyAt(): number {
    return this.rate === undefined ? 0 : this.nextAt;
  }

  /** Records a write leaving now; the number is for `throttled`. */
  send(now: number): number {
    if (this.rate !== undefined) this.nextAt = Math.max(this.nextAt, now) + 1000 / this.rate;
    return this.sent++;
  }

  succeeded(): void {
    // One success per 1/rate seconds, so +probe each time is +probe·rate per second.
    if (this.rate !== undefined) this.rate += this.o.probe;
  }

  /** A write numbered `ticket`, sent at `sentAt`, was refused with too_many_write_operations. */
  throttled(ticket: number, sentAt: number): void {
    if (ticket < this.fence) return;
    const span = this.anchor ? sentAt - this.anchor.sentAt : Infinity;
    const measured = this.anchor && span > 0 && span <= this.o.maxSampleMs ? ((ticket - this.anchor.ticket) * 1000) / span : undefined;
    // Paced and still refused: the current rate is above the limit, whatever was measured.
    const bound = Math.min(measured ?? Infinity, this.rate ?? Infinity);
    if (Number.isFinite(bound)) this.rate = Math.max(MIN_RATE, bound * (1 - this.o.backoff));
    this.anchor = { ticket, sentAt };
    this.fence = this.sent;
  }
}
