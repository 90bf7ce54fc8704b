import { randomBytes } from 'node:crypto';

export interface AccessToken {
  adminId: string;
  scopes: Set<string>;
  /** Epoch ms (wall clock); undefined = does not expire (the CLI token). */
  expiresAt?: number;
  /** The refresh token it was minted from, so revoking one revokes the family. */
  refreshToken?: string;
}

export interface RefreshToken {
  adminId: string;
  scopes: Set<string>;
  clientId: string;
}

/**
 * Issued tokens. Held in memory only: a sandbox restart signs every app out,
 * which is also how a real revoked or expired grant looks to the client.
 */
export class TokenRegistry {
  private access = new Map<string, AccessToken>();
  private refresh = new Map<string, RefreshToken>();

  issueAccess(adminId: string, scopes: Iterable<string>, ttlSeconds?: number, refreshToken?: string): string {
    const token = `sl.tk-${randomBytes(24).toString('base64url')}`;
    this.access.set(token, {
      adminId,
      scopes: new Set(scopes),
      expiresAt: ttlSeconds === undefined ? undefined : Date.now() + ttlSeconds * 1000,
      refreshToken,
    });
    return token;
  }

  issueRefresh(adminId: string, scopes: Iterable<string>, clientId: string): string {
    const token = `tkr-${randomBytes(32).toString('base64url')}`;
    this.refresh.set(token, { adminId, scopes: new Set(scopes), clientId });
    return token;
  }

  lookupAccess(token: string): AccessToken | undefined {
    return this.access.get(token);
  }

  lookupRefresh(token: string): RefreshToken | undefined {
    return this.refresh.get(token);
  }

  /** auth/token/revoke: the access token and, with it, its refresh token and siblings. */
  revoke(accessToken: string): void {
    const t = this.access.get(accessToken);
    this.access.delete(accessToken);
    if (t?.refreshToken) this.revokeRefresh(t.refreshToken);
  }

  revokeRefresh(refreshToken: string): void {
    this.refresh.delete(refreshToken);
    for (const [k, v] of this.access) if (v.refreshToken === refreshToken) this.access.delete(k);
  }

  /**
   * POST /__sandbox/tokens/revoke: what an admin removing the app's access
   * looks like to the app. Every grant (of one app, if given) goes, with the
   * access tokens minted from it; the CLI token has no grant and stays.
   * Answers how many grants were revoked.
   */
  revokeGrants(clientId?: string): number {
    let n = 0;
    for (const [token, rt] of this.refresh) {
      if (clientId === undefined || rt.clientId === clientId) {
        this.revokeRefresh(token);
        n++;
      }
    }
    return n;
  }

  /** POST /__sandbox/tokens/expire: every expiring access token is now expired; the CLI token is left alone. */
  expireAll(now = Date.now()): number {
    let n = 0;
    for (const t of this.access.values()) {
      if (t.expiresAt !== undefined) {
        t.expiresAt = Math.min(t.expiresAt, now);
        n++;
      }
    }
    return n;
  }

  /** Moves a token to another admin (a reset with a new seed replaces the CLI token's admin). */
  rebind(accessToken: string, adminId: string): void {
    const t = this.access.get(accessToken);
    if (t) t.adminId = adminId;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
  }
}
