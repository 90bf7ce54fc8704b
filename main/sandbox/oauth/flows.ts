import type { Sandbox } from '../sandbox.js';
import { OneTimeStore } from './one-time-store.js';

/** A validated GET /oauth2/authorize waiting for the admin's decision. */
export interface AuthorizeRequest {
  clientId: string;
  redirectUri?: string;
  state?: string;
  codeChallenge: string;
  /** Requested scopes, already limited to the app's. */
  scopes: string[];
  /** token_access_type=offline: the code also yields a refresh token. */
  offline: boolean;
  /** include_granted_scopes: add what this admin granted the app before. */
  includeGranted: boolean;
}

/** What an authorization code stands for; the token endpoint checks every binding. */
export interface CodeGrant {
  clientId: string;
  redirectUri?: string;
  codeChallenge: string;
  adminId: string;
  scopes: string[];
  offline: boolean;
}

const TEN_MINUTES = 10 * 60 * 1000;

/** In-flight OAuth state of one sandbox: memory only, like its tokens. */
export class OAuthFlows {
  readonly consents = new OneTimeStore<AuthorizeRequest>('tkq-', TEN_MINUTES);
  readonly codes = new OneTimeStore<CodeGrant>('tkc-', TEN_MINUTES);
  private granted = new Map<string, Set<string>>();

  /** Remembers a grant and returns the scopes for this one (with earlier grants when asked). */
  grant(clientId: string, adminId: string, scopes: string[], includeGranted: boolean): string[] {
    const key = `${clientId}\n${adminId}`;
    const before = this.granted.get(key) ?? new Set<string>();
    const now = includeGranted ? [...new Set([...before, ...scopes])] : scopes;
    this.granted.set(key, new Set([...before, ...scopes]));
    return now;
  }
}

const bySandbox = new WeakMap<Sandbox, OAuthFlows>();

export function flowsOf(sb: Sandbox): OAuthFlows {
  let f = bySandbox.get(sb);
  if (!f) {
    f = new OAuthFlows();
    bySandbox.set(sb, f);
  }
  return f;
}
