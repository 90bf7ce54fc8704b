import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../sandbox.js';
import type { Member } from '../model/types.js';
import { readBody } from '../http/read-body.js';
import { BadRequest } from '../http/errors.js';
import { sendJson } from '../http/respond.js';
import { flowsOf } from './flows.js';
import { collectParams } from './params.js';
import { verifyS256 } from './pkce.js';

/** An RFC 6749 error answer: `{error, error_description}`. */
class TokenError extends Error {
  constructor(
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unsupported_grant_type' | 'invalid_scope',
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

/** Token answers must never be cached (RFC 6749 §5.1). */
const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * POST /oauth2/token. The SDK sends its parameters in the query string (with
 * a form or JSON Content-Type and no body); form bodies are read too.
 */
export async function handleToken(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): Promise<void> {
  const out = { ...headers, ...NO_STORE };
  try {
    const body = await answer(sb, req, url);
    sendJson(res, 200, body, out);
  } catch (err) {
    if (err instanceof TokenError) return sendJson(res, err.status, { error: err.error, error_description: err.description }, out);
    if (err instanceof BadRequest) return sendJson(res, 400, { error: 'invalid_request', error_description: err.message }, out);
    throw err;
  }
}

async function answer(sb: Sandbox, req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  if (req.method !== 'POST') {
    req.resume();
    throw new TokenError('invalid_request', `expected POST, got ${req.method ?? ''}`, 405);
  }
  const text = await readBody(req);
  const form = /^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '') ? new URLSearchParams(text) : new URLSearchParams();
  const params = collectParams(url.searchParams, form);
  if (!params.ok) throw new TokenError('invalid_request', `parameter "${params.repeated}" was sent more than once`);
  const p = params.values;

  const clientId = p.get('client_id');
  if (!clientId) throw new TokenError('invalid_request', 'client_id is missing');
  if (!sb.apps.get(clientId)) throw new TokenError('invalid_client', 'unknown client_id');
  if (p.has('client_secret')) throw new TokenError('invalid_client', 'sandbox apps are public clients: use PKCE, not a client secret');

  const grantType = p.get('grant_type');
  if (grantType === 'authorization_code') return exchangeCode(sb, clientId, p);
  if (grantType === 'refresh_token') return refresh(sb, clientId, p);
  if (!grantType) throw new TokenError('invalid_request', 'grant_type is missing');
  throw new TokenError('unsupported_grant_type', `grant_type "${grantType}" is not supported`);
}

function exchangeCode(sb: Sandbox, clientId: string, p: Map<string, string>): Record<string, unknown> {
  const code = p.get('code');
  const verifier = p.get('code_verifier');
  if (!code) throw new TokenError('invalid_request', 'code is missing');
  if (!verifier) throw new TokenError('invalid_request', 'code_verifier is missing');
  // Redeemed before any check: a code that was tried once is gone (RFC 6749 §4.1.2).
  const grant = flowsOf(sb).codes.take(code);
  if (!grant) throw new TokenError('invalid_grant', 'code does not exist, has expired or was already used');
  if (grant.clientId !== clientId) throw new TokenError('invalid_grant', 'code was issued to another client');
  if (grant.redirectUri !== p.get('redirect_uri')) throw new TokenError('invalid_grant', 'redirect_uri does not match the one used to authorize');
  if (!verifyS256(verifier, grant.codeChallenge)) throw new TokenError('invalid_grant', 'invalid code_verifier');
  const admin = activeAdmin(sb, grant.adminId);

  const ttl = sb.config.tokenTtlSeconds;
  const refreshToken = grant.offline ? sb.tokens.issueRefresh(admin.teamMemberId, grant.scopes, clientId) : undefined;
  const accessToken = sb.tokens.issueAccess(admin.teamMemberId, grant.scopes, ttl, refreshToken);
  const body: Record<string, unknown> = {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: ttl,
    scope: grant.scopes.join(' '),
    team_id: sb.store.state.team.teamId,
  };
  if (refreshToken) body.refresh_token = refreshToken;
  // A user scope links the admin's own account too, so Dropbox names it.
  if (grant.scopes.includes('account_info.read')) body.account_id = admin.accountId;
  return body;
}

function refresh(sb: Sandbox, clientId: string, p: Map<string, string>): Record<string, unknown> {
  const refreshToken = p.get('refresh_token');
  if (!refreshToken) throw new TokenError('invalid_request', 'refresh_token is missing');
  const rt = sb.tokens.lookupRefresh(refreshToken);
  if (!rt) throw new TokenError('invalid_grant', 'refresh token is invalid or revoked');
  if (rt.clientId !== clientId) throw new TokenError('invalid_grant', 'refresh token was issued to another client');
  // Optional narrowing: an access token with fewer scopes than the grant.
  const asked = (p.get('scope') ?? '').split(' ').filter(Boolean);
  const beyond = asked.filter((s) => !rt.scopes.has(s));
  if (beyond.length) throw new TokenError('invalid_scope', `not granted: ${beyond.join(' ')}`);
  const scopes = asked.length ? [...new Set(asked)] : [...rt.scopes];
  const admin = activeAdmin(sb, rt.adminId);

  const ttl = sb.config.tokenTtlSeconds;
  return {
    access_token: sb.tokens.issueAccess(admin.teamMemberId, scopes, ttl, refreshToken),
    token_type: 'bearer',
    expires_in: ttl,
  };
}

/** A grant dies with its admin's standing: removed, suspended or demoted admins cannot mint tokens. */
function activeAdmin(sb: Sandbox, adminId: string): Member {
  const admin = sb.store.memberById(adminId);
  if (!admin || admin.status !== 'active' || !sb.store.isAdmin(admin)) throw new TokenError('invalid_grant', 'the admin who granted access is no longer an active admin');
  return admin;
}
