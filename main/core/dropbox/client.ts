import { Dropbox, DropboxAuth } from 'dropbox';
import { rewritingFetch } from './rewrite-fetch.js';

/** What a connection keeps in its SecretStore. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch ms. */
  expiresAt?: number;
}

export interface ClientOptions {
  /** The Dropbox app key (the sandbox's own for the built-in team). */
  clientId: string;
  /** Set for the sandbox: api.dropboxapi.com traffic goes here instead. */
  baseUrl?: string;
  /** Called after the SDK refreshed the access token, so it can be stored. */
  onTokensRefreshed?: (tokens: TokenSet) => void;
}

/**
 * The SDK runs checkAndRefreshAccessToken before every call and does not
 * de-duplicate: parallel calls near expiry would each redeem the refresh token.
 */
class SharedRefreshAuth extends DropboxAuth {
  private inflight: Promise<void> | null = null;

  constructor(
    options: ConstructorParameters<typeof DropboxAuth>[0],
    private readonly onRefreshed?: (tokens: TokenSet) => void,
  ) {
    super(options);
  }

  override checkAndRefreshAccessToken(): Promise<void> {
    this.inflight ??= super.checkAndRefreshAccessToken().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  override refreshAccessToken(scope?: string[]): Promise<void> {
    return super.refreshAccessToken(scope).then(() => this.onRefreshed?.(tokensOf(this)));
  }
}

export interface DropboxClient {
  auth: DropboxAuth;
  /** The one SDK instance of this connection. */
  dbx: Dropbox;
}

export function createDropboxClient(options: ClientOptions): DropboxClient {
  const fetchImpl = options.baseUrl ? rewritingFetch(options.baseUrl) : fetch;
  const auth = new SharedRefreshAuth({ clientId: options.clientId, fetch: fetchImpl }, options.onTokensRefreshed);
  return { auth, dbx: new Dropbox({ auth }) };
}

export function applyTokens(auth: DropboxAuth, tokens: TokenSet): void {
  auth.setAccessToken(tokens.accessToken);
  if (tokens.refreshToken) auth.setRefreshToken(tokens.refreshToken);
  if (tokens.expiresAt !== undefined) auth.setAccessTokenExpiresAt(new Date(tokens.expiresAt));
}

export function tokensOf(auth: DropboxAuth): TokenSet {
  const expires = auth.getAccessTokenExpiresAt() as Date | undefined;
  const refresh = auth.getRefreshToken();
  return {
    accessToken: auth.getAccessToken(),
    ...(refresh ? { refreshToken: refresh } : {}),
    ...(expires ? { expiresAt: expires.getTime() } : {}),
  };
}
