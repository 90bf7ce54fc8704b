import { DropboxAuth } from 'dropbox';

/** Refresh this long before expiry at most (the SDK's own margin). */
const MAX_MARGIN_MS = 5 * 60_000;

export interface TokenAuthHooks {
  /** A refresh starts (true) or ends (false, with the error when it failed). */
  onRefreshing?(running: boolean, error?: unknown): void;
}

export interface TokenGrant {
  accessToken?: string;
  refreshToken?: string;
  /** Seconds, as the token endpoint says (`expires_in`). */
  expiresIn?: number;
}

/**
 * The connection's tokens and the one refresh that may be running.
 *
 * The SDK refreshes inside every request when the token is within 300 s of
 * expiry and does not de-duplicate: parallel calls would each redeem the
 * refresh token, and with short-lived tokens every call would refresh. Here
 * the SDK's own check is switched off; the client calls `ensureFresh()`
 * before each attempt, and all callers share one refresh.
 */
export class TokenAuth extends DropboxAuth {
  private inflight: Promise<void> | undefined;
  private lifetimeMs: number | undefined;
  /** Bumped whenever the access token changes, so a 401 can tell whether a newer token already exists. */
  private gen = 0;

  constructor(
    clientId: string,
    fetchImpl: typeof fetch,
    private readonly hooks: TokenAuthHooks = {},
  ) {
    super({ clientId, fetch: fetchImpl });
  }

  get generation(): number {
    return this.gen;
  }

  override checkAndRefreshAccessToken(): Promise<void> {
    return Promise.resolve();
  }

  setTokens(grant: TokenGrant): void {
    if (grant.refreshToken !== undefined) this.setRefreshToken(grant.refreshToken);
    if (grant.accessToken !== undefined) {
      this.setAccessToken(grant.accessToken);
      this.gen++;
    }
    if (grant.expiresIn !== undefined) {
      this.lifetimeMs = grant.expiresIn * 1000;
      this.setAccessTokenExpiresAt(new Date(Date.now() + this.lifetimeMs));
    }
  }

  get canRefresh(): boolean {
    return !!this.getRefreshToken() && !!this.getClientId();
  }

  /** Refreshes first when there is no access token or it is about to expire. */
  ensureFresh(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (!this.canRefresh) return Promise.resolve();
    const expiresAt = this.getAccessTokenExpiresAt() as Date | undefined;
    const margin = Math.min(MAX_MARGIN_MS, (this.lifetimeMs ?? MAX_MARGIN_MS * 10) / 10);
    const stale = !this.getAccessToken() || (expiresAt !== undefined && Date.now() + margin >= expiresAt.getTime());
    return stale ? this.refresh() : Promise.resolve();
  }

  /**
   * After a 401 expired_access_token on a call sent with token `generation`:
   * refresh, unless another call already did (or is doing) it.
   */
  refreshAfterExpiry(generation: number): Promise<void> {
    if (this.inflight) return this.inflight;
    return generation === this.gen ? this.refresh() : Promise.resolve();
  }

  /** One refresh, however many callers ask while it runs. */
  refresh(): Promise<void> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async runRefresh(): Promise<void> {
    this.hooks.onRefreshing?.(true);
    try {
      await super.refreshAccessToken();
    } catch (err) {
      this.hooks.onRefreshing?.(false, err);
      throw err;
    }
    const expiresAt = this.getAccessTokenExpiresAt() as Date | undefined;
    if (expiresAt) this.lifetimeMs = Math.max(0, expiresAt.getTime() - Date.now());
    this.gen++;
    this.hooks.onRefreshing?.(false);
  }
}
