import { Dropbox, type DropboxRequestOptions, type DropboxResponse } from 'dropbox';
import type { AppError } from '../errors.js';
import { dropboxTagOf, isDropboxHttpError, toAppError } from './errors.js';
import { rewritingFetch } from './rewrite-fetch.js';
import { RequestScheduler, type CallKind, type SchedulerOptions } from './scheduler/scheduler.js';
import { TokenAuth } from './token-auth.js';

/** What the client tells its connection, so the UI can show the state. */
export interface ClientHooks {
  /** A token refresh starts (true) or ends (false, with what went wrong when it failed). */
  onRefreshing?(running: boolean, error?: AppError): void;
  /** Dropbox refused the sign-in itself: only signing in again helps. */
  onAuthRejected?(error: AppError): void;
  /** Dropbox could not be reached, even after the scheduler's retries. */
  onUnreachable?(error: AppError): void;
  /** Dropbox answered (any HTTP answer, errors included). */
  onReachable?(): void;
}

export interface ClientOptions {
  /** The Dropbox app key. */
  clientId: string;
  /** api.dropboxapi.com traffic (API and token endpoint) goes here instead: the sandbox, or --dropbox-url. */
  baseUrl?: string;
  hooks?: ClientHooks;
  scheduler?: SchedulerOptions;
  /** Longest one attempt may take before it counts as a dropped connection. */
  requestTimeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Sending it twice does what sending it once does (default: true for reads, false for writes). */
  idempotent?: boolean;
  /** How long rate limits and retries may delay the call; 0 = one attempt only. */
  deadlineMs?: number;
}

/** The SDK call for one route, given the client's SDK instance and the per-attempt options. */
export type SendCall<T> = (dbx: Dropbox, options: DropboxRequestOptions) => Promise<DropboxResponse<T>>;

/**
 * Thrown inside an attempt when the token refresh before it failed. Not an
 * HTTP or network error by shape (the original sits in `reason`, not `cause`),
 * so the scheduler hands it straight back instead of retrying the call.
 */
class RefreshFailed extends Error {
  constructor(readonly reason: unknown) {
    super('The access token could not be renewed');
    this.name = 'RefreshFailed';
  }
}

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

function is401(err: unknown, tag: string): boolean {
  return isDropboxHttpError(err) && err.status === 401 && dropboxTagOf(err.error) === tag;
}

/**
 * The one place every Dropbox call of a connection goes through: the
 * connection's RequestScheduler (rate limits, concurrency, retries,
 * cancellation), token freshness with a single shared refresh, one refresh
 * and retry on a 401 expired_access_token, and errors mapped to AppErrors.
 */
export class DropboxClient {
  readonly auth: TokenAuth;
  /** The one SDK instance of this connection. Call it through `call()`. */
  readonly dbx: Dropbox;
  readonly scheduler: RequestScheduler;
  /** Set by the connection that owns this client. */
  hooks: ClientHooks;
  private readonly timeoutMs: number;

  constructor(options: ClientOptions) {
    const fetchImpl = options.baseUrl ? rewritingFetch(options.baseUrl) : fetch;
    this.hooks = options.hooks ?? {};
    this.auth = new TokenAuth(options.clientId, fetchImpl, {
      onRefreshing: (running, error) => this.hooks.onRefreshing?.(running, error === undefined ? undefined : toAppError(error)),
    });
    this.dbx = new Dropbox({ auth: this.auth });
    this.scheduler = new RequestScheduler(options.scheduler);
    this.timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  }

  /**
   * Runs one route call. `endpoint` is the route path ("team/members/list_v2");
   * resolves with the result, rejects with an AppError.
   */
  async call<T>(endpoint: string, kind: CallKind, send: SendCall<T>, options: CallOptions = {}): Promise<T> {
    try {
      return await this.attempt(endpoint, kind, send, options, true);
    } catch (err) {
      throw this.fail(err);
    }
  }

  /** Renews the access token now (opening a connection); failures come back as AppErrors. */
  async refreshNow(): Promise<void> {
    try {
      await this.auth.refresh();
      this.hooks.onReachable?.();
    } catch (err) {
      throw this.fail(new RefreshFailed(err));
    }
  }

  private async attempt<T>(endpoint: string, kind: CallKind, send: SendCall<T>, options: CallOptions, mayRefresh: boolean): Promise<T> {
    let generation = this.auth.generation;
    try {
      const response = await this.scheduler.run(
        endpoint,
        kind,
        async (signal) => {
          try {
            await this.auth.ensureFresh();
          } catch (err) {
            throw new RefreshFailed(err);
          }
          generation = this.auth.generation;
          return send(this.dbx, { signal, timeout: this.timeoutMs });
        },
        { signal: options.signal, idempotent: options.idempotent, deadlineMs: options.deadlineMs },
      );
      this.hooks.onReachable?.();
      return response.result;
    } catch (err) {
      // Dropbox did not run the call: renew the token (once, shared) and send it again.
      if (mayRefresh && is401(err, 'expired_access_token') && this.auth.canRefresh) {
        try {
          await this.auth.refreshAfterExpiry(generation);
        } catch (refreshError) {
          throw new RefreshFailed(refreshError);
        }
        return this.attempt(endpoint, kind, send, options, false);
      }
      throw err;
    }
  }

  /** Maps a failure and tells the connection what it says about the sign-in and the network. */
  private fail(err: unknown): AppError {
    const original = err instanceof RefreshFailed ? err.reason : err;
    const error = toAppError(original);
    if (error.code === 'needs_reauth') this.hooks.onAuthRejected?.(error);
    else if (error.code === 'network') this.hooks.onUnreachable?.(error);
    else if (isDropboxHttpError(original)) this.hooks.onReachable?.();
    return error;
  }
}

export function createDropboxClient(options: ClientOptions): DropboxClient {
  return new DropboxClient(options);
}
