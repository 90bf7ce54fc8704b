import { DropboxResponseError } from 'dropbox';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Backoff base for 5xx and network errors, in ms. */
  baseDelayMs?: number;
  /** Never wait longer than this for one Retry-After. */
  maxRetryAfterMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryAfterMs(err: DropboxResponseError<unknown>): number | undefined {
  const headers = err.headers as { get?: (name: string) => string | null } | undefined;
  const header = headers?.get?.('retry-after');
  const fromHeader = header ? Number(header) : NaN;
  if (Number.isFinite(fromHeader)) return fromHeader * 1000;
  const body = err.error as { error?: { retry_after?: unknown } } | undefined;
  const fromBody = body?.error?.retry_after;
  return typeof fromBody === 'number' ? fromBody * 1000 : undefined;
}

/** How long to wait before trying again, or undefined when the error is final. */
function delayFor(err: unknown, attempt: number, o: Required<Omit<RetryOptions, 'sleep'>>): number | undefined {
  if (err instanceof DropboxResponseError) {
    if (err.status === 429) return Math.min(retryAfterMs(err) ?? o.baseDelayMs * 2 ** attempt, o.maxRetryAfterMs);
    if (err.status >= 500) return o.baseDelayMs * 2 ** attempt;
    return undefined;
  }
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) return o.baseDelayMs * 2 ** attempt;
  return undefined;
}

/**
 * The SDK never retries. Reads are safe to repeat, so 429 (after its
 * Retry-After), 5xx and dropped connections are tried again a few times.
 */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const o = { attempts: options.attempts ?? 4, baseDelayMs: options.baseDelayMs ?? 500, maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000 };
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const delay = attempt + 1 < o.attempts ? delayFor(err, attempt, o) : undefined;
      if (delay === undefined) throw err;
      await sleep(delay);
    }
  }
}
