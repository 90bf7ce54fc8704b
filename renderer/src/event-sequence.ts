/**
 * Watches the numbers main puts on its events. Numbers come one after
 * another; a number skipped means events were lost on the way, and a number
 * going back means main started again. Either way what the renderer shows may
 * be out of date and must be read again.
 */
export class EventSequence {
  private last: number | null = null;

  /** True when `seq` follows the previous event (or is the first one seen); false when a re-read is due. */
  follows(seq: number): boolean {
    const last = this.last;
    this.last = seq;
    return last === null || seq === last + 1;
  }

  /** After the stream opened again: the next number starts a fresh count. */
  restart(): void {
    this.last = null;
  }
}
