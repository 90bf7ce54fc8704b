/**
 * The caller's signal aborted the call. `inFlight` says a request was on the
 * wire at that moment: for a write, Dropbox may have applied it.
 */
export class CancelledError extends Error {
  override readonly name = 'AbortError';

  constructor(
    readonly inFlight: boolean,
    options?: { cause?: unknown },
  ) {
    super(inFlight ? 'The call was cancelled while Dropbox was answering it' : 'The call was cancelled before it was sent', options);
  }
}

/**
 * A write that is not marked idempotent failed in a way that leaves its fate
 * unknown (a 5xx, or the connection broke after the request was sent). It is
 * not retried, so it is never applied twice; the caller should check the
 * current state before trying again. The original failure is the `cause`.
 */
export class UnconfirmedWriteError extends Error {
  override readonly name = 'UnconfirmedWriteError';

  constructor(
    readonly endpoint: string,
    cause: unknown,
  ) {
    super(`Dropbox may or may not have applied ${endpoint}: the call failed before an answer came back`, { cause });
  }
}
