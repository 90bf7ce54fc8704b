/** What one failed attempt means for the scheduler. */
export type Failure =
  /** 429: the server refused the call without applying it, so it is always safe to send again. */
  | { type: 'rate-limited'; retryAfterMs: number | undefined; teamWrites: boolean }
  /**
   * 5xx or a broken connection. `maybeApplied` is false only when the request
   * provably never reached Dropbox (no connection was made).
   */
  | { type: 'transient'; maybeApplied: boolean; retryAfterMs: number | undefined }
  /** Anything else (400, 401, 403, 409, bugs): the caller's to handle. */
  | { type: 'final' };

interface HttpErrorLike {
  status: number;
  headers?: { get?: (name: string) => string | null };
  error?: unknown;
}

/** Socket errors from before a request left the machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);
/** Socket errors that can strike after the server read the request. */
const MAYBE_SENT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * Structural rather than `instanceof DropboxResponseError`: the SDK ships both
 * a CommonJS and an ESM build, and an error from one is not an instance of the
 * other's class.
 */
function isHttpError(err: unknown): err is HttpErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number';
}

/** Retry-After in ms: the header (seconds) first, then the 429 body's `retry_after`. */
function retryAfterOf(err: HttpErrorLike): number | undefined {
  const header = err.headers?.get?.('retry-after');
  if (header != null && header.trim() !== '') {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  }
  const body = err.error as { error?: { retry_after?: unknown } } | undefined;
  const fromBody = body?.error?.retry_after;
  return typeof fromBody === 'number' && fromBody >= 0 ? fromBody * 1000 : undefined;
}

function rateLimitReason(err: HttpErrorLike): string | undefined {
  const body = err.error as { error?: { reason?: { '.tag'?: unknown } } } | undefined;
  const tag = body?.error?.reason?.['.tag'];
  return typeof tag === 'string' ? tag : undefined;
}

function networkCode(err: unknown): string | undefined {
  // fetch wraps the socket error as TypeError('fetch failed', { cause }); node:http throws it bare.
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function isNetworkError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof TypeError && /fetch failed|network/i.test(err.message)) return true;
  // The SDK's own `timeout` option aborts with a TimeoutError.
  if (err.name === 'TimeoutError') return true;
  const code = networkCode(err);
  return (code !== undefined && (NOT_SENT_CODES.has(code) || MAYBE_SENT_CODES.has(code))) || /socket hang up/i.test(err.message);
}

export function classify(err: unknown): Failure {
  if (isHttpError(err)) {
    if (err.status === 429) {
      return { type: 'rate-limited', retryAfterMs: retryAfterOf(err), teamWrites: rateLimitReason(err) === 'too_many_write_operations' };
    }
    if (err.status >= 500) return { type: 'transient', maybeApplied: true, retryAfterMs: retryAfterOf(err) };
    return { type: 'final' };
  }
  if (isNetworkError(err)) {
    const code = networkCode(err);
    return { type: 'transient', maybeApplied: code === undefined || !NOT_SENT_CODES.has(code), retryAfterMs: undefined };
  }
  return { type: 'final' };
}
