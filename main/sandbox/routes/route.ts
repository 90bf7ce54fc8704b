import type { z } from 'zod';
import type { TeamStore } from '../model/team-store.js';
import type { SandboxConfig } from '../config.js';
import type { TokenRegistry } from '../oauth/tokens.js';

/** What a handler knows about the call it serves. */
export interface RouteContext {
  store: TeamStore;
  config: SandboxConfig;
  /** team_member_id of the admin whose token made the call. */
  adminId: string;
  /** Dropbox-API-Select-User / Select-Admin header values, when sent. */
  selectUser?: string;
  selectAdmin?: string;
  /** The bearer token of this call and the registry (auth/token/revoke needs both). */
  token: string;
  tokens: TokenRegistry;
}

/**
 * One RPC route. `A` and `R` are the SDK's own types (e.g.
 * team.MembersListV2Arg → team.MembersListV2Result), so a handler whose
 * result drifts from what the SDK expects fails to compile.
 */
export interface RouteDef<A = unknown, R = unknown> {
  /** Path after /2/, e.g. "team/members/list_v2". */
  path: string;
  /** Required scope; null for routes any valid token may call (auth/token/revoke). */
  scope: string | null;
  /** Writes count against the team's write rate limit. */
  write: boolean;
  /** Routes with a Void argument are sent with no body (or "null"). */
  schema: z.ZodType | null;
  handle(ctx: RouteContext, arg: A): R | Promise<R>;
}

/** Helper that keeps A and R tied to the handler while erasing them in the table. */
export function route<A, R>(def: RouteDef<A, R>): RouteDef {
  return def as unknown as RouteDef;
}
