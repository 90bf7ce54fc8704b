import { randomBytes } from 'node:crypto';
import type { ConnectAttempt, ConnectGuide, ConnectionSummary, StartConnectArg } from '../../../preload/contract.js';
import { DropboxClient, type ClientOptions } from '../dropbox/client.js';
import { dropboxTagOf, isDropboxHttpError, missingScopeError, toAppError } from '../dropbox/errors.js';
import { rewriteAuthorizeUrl } from '../dropbox/rewrite-fetch.js';
import { AppError } from '../errors.js';
import type { EventHub } from '../events.js';
import { fetchTeamFacts, type TeamFacts } from './connection.js';
import { LOOPBACK_TIMEOUT_MS, listenForRedirect, type LoopbackListener } from './loopback-listener.js';
import type { Opener } from './opener.js';
import { beginAuthorization, CALLBACK_PATH, codeFromRedirect, completeAuthorization, loopbackRedirectUri, type PendingAuthorization } from './pkce.js';
import { APP_SCOPES } from './scopes.js';

export interface ConnectFlowOptions {
  events: EventHub;
  /** Port of the loopback redirect (--oauth-port); 0 = any free port. */
  oauthPort: number;
  /** Where Dropbox lives instead of dropbox.com / api.dropboxapi.com (--dropbox-url). */
  dropboxUrl?: string;
  /** Opens the consent page in the system browser; absent in browser mode. */
  opener?: Opener;
  client?: Pick<ClientOptions, 'scheduler' | 'requestTimeoutMs'>;
  /** The connection an attempt re-authorises must exist, and must be a Dropbox team. */
  checkTarget(connectionId: string): { teamId?: string; teamName?: string };
  /** Adds (or re-authorises) the verified team and makes it active. */
  adopt(client: DropboxClient, appKey: string, facts: TeamFacts): Promise<ConnectionSummary>;
  /** How long a loopback attempt waits for the admin (10 minutes). */
  loopbackTimeoutMs?: number;
}

interface Attempt {
  id: string;
  mode: 'loopback' | 'paste';
  appKey: string;
  client: DropboxClient;
  pending: PendingAuthorization;
  listener?: LoopbackListener;
  connectionId?: string;
  expiry: NodeJS.Timeout;
  /** Pasted codes Dropbox refused so far. */
  codeTries: number;
  /** A pasted code is being exchanged: a second one waits for its outcome. */
  exchanging: boolean;
}

/** Paste attempts kept at once; the oldest goes first. */
const MAX_ATTEMPTS = 8;
/**
 * Refused pasted codes an attempt survives. A mistyped code is not the one
 * Dropbox issued, so the real one is still unused and the admin can correct
 * the paste instead of approving again; guessing gets nowhere (PKCE) and is cut short.
 */
const MAX_CODE_TRIES = 5;

/** The authorize page's error redirect names the scopes an app lacks in its description. */
function scopesNamedIn(text: string): string[] {
  return APP_SCOPES.filter((s) => text.includes(s));
}

/**
 * Connecting a team: OAuth 2 authorization code with PKCE (S256) and offline
 * access, through a one-shot loopback listener or a pasted code; then the
 * sign-in is verified (team/get_info, team/token/get_authenticated_admin)
 * before the team is added. One attempt, one successful code exchange; a
 * pasted code Dropbox does not know can be corrected a few times.
 */
export class ConnectFlow {
  private readonly attempts = new Map<string, Attempt>();

  constructor(private readonly o: ConnectFlowOptions) {}

  guide(): ConnectGuide {
    // With port 0 the listener takes any free port: loopback redirects match on any port (RFC 8252 §7.3).
    const redirectUri = this.o.oauthPort === 0 ? `http://127.0.0.1${CALLBACK_PATH}` : loopbackRedirectUri(this.o.oauthPort);
    return { redirectUri, scopes: [...APP_SCOPES] };
  }

  async start(arg: StartConnectArg): Promise<ConnectAttempt> {
    if (arg.connectionId !== undefined) this.o.checkTarget(arg.connectionId);
    const client = new DropboxClient({ ...this.o.client, clientId: arg.appKey, baseUrl: this.o.dropboxUrl });
    const id = randomBytes(16).toString('base64url');
    const ttl = this.o.loopbackTimeoutMs ?? LOOPBACK_TIMEOUT_MS;
    let listener: LoopbackListener | undefined;
    if (arg.mode === 'loopback') {
      // The registered port takes one listener: a new attempt replaces an unfinished one.
      for (const a of this.attempts.values()) if (a.mode === 'loopback') this.drop(a);
      listener = await listenForRedirect({
        port: this.o.oauthPort,
        timeoutMs: ttl,
        onRedirect: (url) => this.redirected(id, url),
        onTimeout: () => this.timedOut(id),
        acceptsState: (state) => state !== null && this.attempts.get(id)?.pending.state === state,
      });
    }
    const pending = await beginAuthorization(client.auth, listener?.redirectUri ?? null);
    const attempt: Attempt = {
      id,
      mode: arg.mode,
      appKey: arg.appKey,
      client,
      pending,
      listener,
      connectionId: arg.connectionId,
      expiry: setTimeout(() => this.drop(attempt), ttl + 1000).unref(),
      codeTries: 0,
      exchanging: false,
    };
    this.attempts.set(id, attempt);
    while (this.attempts.size > MAX_ATTEMPTS) this.drop(this.attempts.values().next().value!);
    const authorizeUrl = this.o.dropboxUrl ? rewriteAuthorizeUrl(pending.url, this.o.dropboxUrl) : pending.url;
    const opened = this.o.opener ? await this.o.opener.open(authorizeUrl).catch(() => false) : false;
    return { attemptId: id, mode: arg.mode, authorizeUrl, opened };
  }

  /** The paste fallback (or a code copied from a redirect that did not arrive). */
  async complete(attemptId: string, code: string): Promise<ConnectionSummary> {
    const attempt = this.attempts.get(attemptId);
    if (!attempt) throw unknownAttempt();
    if (attempt.exchanging) throw new AppError('unknown_attempt', 'Teamkeeper is already checking a code for this attempt. Wait for its answer.');
    attempt.exchanging = true;
    attempt.listener?.close();
    try {
      await this.exchange(attempt, code);
    } catch (err) {
      attempt.exchanging = false;
      // Only Dropbox's own "no such code" keeps the attempt: any other failure may have used the real code.
      if (err instanceof AppError && err.code === 'code_rejected' && ++attempt.codeTries < MAX_CODE_TRIES && this.attempts.get(attemptId) === attempt) {
        throw new AppError(
          'code_rejected',
          'Dropbox did not accept this code. Check that you copied the whole code Dropbox shows, and paste it again; if it still fails, start over.',
          err.dropboxTag,
        );
      }
      this.drop(attempt);
      throw err;
    }
    this.drop(attempt);
    return this.verify(attempt);
  }

  cancel(attemptId: string): void {
    const attempt = this.attempts.get(attemptId);
    if (attempt) this.drop(attempt);
  }

  close(): void {
    for (const a of this.attempts.values()) this.drop(a);
  }

  /** Dropbox's redirect reached the listener: the tab shows the outcome, the app gets connect.result. */
  private async redirected(attemptId: string, url: URL): Promise<string> {
    try {
      const attempt = this.take(attemptId);
      let code: string;
      try {
        code = codeFromRedirect(url.href, attempt.pending);
      } catch (err) {
        const e = toAppError(err);
        const description = url.searchParams.get('error_description') ?? '';
        throw e.dropboxTag === 'invalid_scope' ? missingScopeError(scopesNamedIn(description)[0]) : e;
      }
      await this.exchange(attempt, code);
      const connection = await this.verify(attempt);
      this.o.events.emit({ type: 'connect.result', attemptId, ok: true, connection });
      return `${connection.teamName ?? connection.label} is connected. You can close this tab and go back to Teamkeeper.`;
    } catch (err) {
      this.o.events.emit({ type: 'connect.result', attemptId, ok: false, error: toAppError(err).toInfo() });
      throw toAppError(err);
    }
  }

  private timedOut(attemptId: string): void {
    const attempt = this.attempts.get(attemptId);
    if (!attempt) return;
    this.drop(attempt);
    this.o.events.emit({
      type: 'connect.result',
      attemptId,
      ok: false,
      error: { code: 'connect_timeout', message: 'Dropbox did not answer within 10 minutes, so Teamkeeper stopped waiting. Start connecting again.' },
    });
  }

  /** An attempt is used once, whatever the outcome: its code and verifier are single-use too. */
  private take(attemptId: string): Attempt {
    const attempt = this.attempts.get(attemptId);
    if (!attempt) throw unknownAttempt();
    this.attempts.delete(attemptId);
    clearTimeout(attempt.expiry);
    return attempt;
  }

  private drop(attempt: Attempt): void {
    this.attempts.delete(attempt.id);
    clearTimeout(attempt.expiry);
    attempt.listener?.close();
  }

  private async exchange(attempt: Attempt, code: string): Promise<void> {
    try {
      await completeAuthorization(attempt.client.auth, attempt.pending, code);
    } catch (err) {
      throw exchangeError(err);
    }
  }

  /** The signed-in admin's team, checked against the connection it re-authorises, then adopted. */
  private async verify(attempt: Attempt): Promise<ConnectionSummary> {
    let facts: TeamFacts;
    try {
      facts = await fetchTeamFacts(attempt.client);
      if (attempt.connectionId !== undefined) {
        const target = this.o.checkTarget(attempt.connectionId);
        if (target.teamId && target.teamId !== facts.teamId) {
          throw new AppError(
            'wrong_team',
            `You signed in to ${facts.teamName}, but this connection is for ${target.teamName ?? 'another team'}. Sign in as an admin of ${target.teamName ?? 'that team'}, or connect ${facts.teamName} as a new team.`,
          );
        }
      }
    } catch (err) {
      // A sign-in the app will not keep is handed back to Dropbox.
      void attempt.client.call('auth/token/revoke', 'write', (dbx, o) => dbx.authTokenRevoke(o), { idempotent: true, deadlineMs: 0 }).catch(() => {});
      throw err;
    }
    return this.o.adopt(attempt.client, attempt.appKey, facts);
  }
}

function unknownAttempt(): AppError {
  return new AppError('unknown_attempt', 'This connect attempt has finished, expired or was cancelled. Start connecting again.');
}

/** The token endpoint's refusals, in words for the admin. */
function exchangeError(err: unknown): AppError {
  if (isDropboxHttpError(err) && err.status >= 400 && err.status < 500) {
    const tag = dropboxTagOf(err.error);
    if (tag === 'invalid_grant') {
      return new AppError('code_rejected', 'Dropbox did not accept the code: it has expired, was already used, or belongs to another connect attempt. Start connecting again.', tag);
    }
    if (tag === 'invalid_client') return new AppError('unknown_app_key', 'Dropbox does not know this app key. Copy it again from the Settings tab of your app in the App Console.', tag);
  }
  return toAppError(err);
}
