import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Sandbox } from '../sandbox.js';
import type { Member } from '../model/types.js';
import { readBody } from '../http/read-body.js';
import { BadRequest } from '../http/errors.js';
import { sendHtml } from '../http/respond.js';
import { flowsOf, type AuthorizeRequest } from './flows.js';
import { collectParams } from './params.js';
import { isS256Challenge } from './pkce.js';
import { redirectAllowed } from './redirect-uri.js';
import { codePage, consentPage, messagePage, type AdminChoice } from './pages.js';

/** Dropbox caps `state` at 500 bytes. */
const MAX_STATE = 500;

type Verdict =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** Before the client and redirect are trusted, errors stay on our own page. */
  | { kind: 'page'; title: string; message: string }
  | { kind: 'redirect'; redirectUri: string; error: string; description: string; state?: string };

/** GET /oauth2/authorize: validate, then show the consent page. */
export function handleAuthorize(sb: Sandbox, res: ServerResponse, url: URL, headers: Record<string, string>): void {
  const verdict = validate(sb, url.searchParams);
  if (verdict.kind === 'page') return sendHtml(res, 400, messagePage(verdict.title, verdict.message), headers);
  if (verdict.kind === 'redirect') return redirectWithError(res, verdict, headers);
  renderConsent(sb, res, 200, flowsOf(sb).consents.put(verdict.request), verdict.request, headers);
}

/** POST /oauth2/authorize/decide: the Allow / Deny form. */
export async function handleDecide(sb: Sandbox, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): Promise<void> {
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    req.resume();
    return sendHtml(res, 400, messagePage('Bad request', 'The decision must be sent by the consent form.'), headers);
  }
  let body: string;
  try {
    body = await readBody(req);
  } catch (err) {
    if (err instanceof BadRequest) return sendHtml(res, 400, messagePage('Bad request', err.message), headers);
    throw err;
  }
  const params = collectParams(new URLSearchParams(body));
  if (!params.ok) return sendHtml(res, 400, messagePage('Bad request', `The form sent "${params.repeated}" twice.`), headers);
  const form = params.values;

  const flows = flowsOf(sb);
  const key = form.get('request') ?? '';
  const request = flows.consents.peek(key);
  if (!request) {
    return sendHtml(res, 400, messagePage('Sign-in expired', 'This sign-in request has expired or was already answered. Start again from the app.'), headers);
  }
  const decision = form.get('decision');
  if (decision === 'deny') {
    flows.consents.take(key);
    if (!request.redirectUri) return sendHtml(res, 200, messagePage('Access denied', 'You did not allow the app to access the team. You can close this page.'), headers);
    return redirectWithError(res, { redirectUri: request.redirectUri, error: 'access_denied', description: 'The user denied access', state: request.state }, headers);
  }
  if (decision !== 'allow') return sendHtml(res, 400, messagePage('Bad request', 'Choose Allow or Deny.'), headers);

  const admin = eligibleAdmins(sb).find((m) => m.teamMemberId === form.get('admin'));
  // The request stays pending: the admin can pick again.
  if (!admin) return renderConsent(sb, res, 400, key, request, headers, 'Choose an active admin of the team to sign in as.');

  flows.consents.take(key);
  const scopes = flows.grant(request.clientId, admin.teamMemberId, request.scopes, request.includeGranted);
  const code = flows.codes.put({
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    adminId: admin.teamMemberId,
    scopes,
    offline: request.offline,
  });
  if (!request.redirectUri) return sendHtml(res, 200, codePage(code), headers);
  const target = new URL(request.redirectUri);
  target.searchParams.set('code', code);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  redirect(res, target.href, headers);
}

function validate(sb: Sandbox, query: URLSearchParams): Verdict {
  const params = collectParams(query);
  if (!params.ok) return { kind: 'page', title: 'Bad request', message: `The parameter "${params.repeated}" was sent more than once.` };
  const p = params.values;

  const clientId = p.get('client_id');
  const app = clientId ? sb.apps.get(clientId) : undefined;
  if (!clientId || !app) return { kind: 'page', title: 'Unknown app', message: `No app with the key "${clientId ?? ''}" exists in this sandbox.` };
  const redirectUri = p.get('redirect_uri');
  if (redirectUri !== undefined && !redirectAllowed(app, redirectUri)) {
    return { kind: 'page', title: 'Invalid redirect URI', message: `The redirect URI "${redirectUri}" is neither a loopback address nor registered for this app.` };
  }

  const state = p.get('state');
  const fail = (error: string, description: string): Verdict =>
    redirectUri === undefined ? { kind: 'page', title: 'Bad request', message: `${error}: ${description}` } : { kind: 'redirect', redirectUri, error, description, state };

  if (state !== undefined && state.length > MAX_STATE) return fail('invalid_request', `state must be at most ${MAX_STATE} characters`);
  if (p.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be "code"');
  const challenge = p.get('code_challenge');
  if (challenge === undefined) return fail('invalid_request', 'sandbox apps are public clients: code_challenge (PKCE) is required');
  if (p.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'code_challenge_method must be "S256"');
  if (!isS256Challenge(challenge)) return fail('invalid_request', 'code_challenge is not a base64url SHA-256 value');

  const accessType = p.get('token_access_type') ?? 'online';
  if (accessType !== 'online' && accessType !== 'offline') return fail('invalid_request', 'token_access_type must be "online" or "offline"');
  const include = p.get('include_granted_scopes');
  if (include !== undefined && include !== 'user' && include !== 'team') return fail('invalid_request', 'include_granted_scopes must be "user" or "team"');

  const requested = (p.get('scope') ?? '').split(' ').filter(Boolean);
  const extra = requested.filter((s) => !app.scopes.has(s));
  if (extra.length) return fail('invalid_scope', `the app is not configured for: ${extra.join(' ')}`);
  const scopes = requested.length ? [...new Set(requested)] : [...app.scopes];

  return {
    kind: 'ok',
    request: { clientId, redirectUri, state, codeChallenge: challenge, scopes, offline: accessType === 'offline', includeGranted: include !== undefined },
  };
}

function eligibleAdmins(sb: Sandbox): Member[] {
  return sb.store.state.members.filter((m) => m.status === 'active' && sb.store.isAdmin(m));
}

function adminChoice(sb: Sandbox, m: Member): AdminChoice {
  const role = sb.store.memberInfoV2(m).roles?.[0]?.name ?? 'Admin';
  return { teamMemberId: m.teamMemberId, label: `${m.givenName} ${m.surname} <${m.email}> · ${role}` };
}

function renderConsent(sb: Sandbox, res: ServerResponse, status: number, requestKey: string, request: AuthorizeRequest, headers: Record<string, string>, problem?: string): void {
  const app = sb.apps.get(request.clientId);
  const html = consentPage({
    appName: app?.name ?? request.clientId,
    teamName: sb.store.state.team.name,
    requestKey,
    admins: eligibleAdmins(sb).map((m) => adminChoice(sb, m)),
    scopes: request.scopes,
    problem,
  });
  sendHtml(res, status, html, { ...headers, ...consentSecurityHeaders(request.redirectUri) });
}

/**
 * The form posts here and is then redirected to the app, which browsers check
 * against form-action; framing is refused so the Allow button cannot be
 * clickjacked.
 */
function consentSecurityHeaders(redirectUri: string | undefined): Record<string, string> {
  let target = '';
  if (redirectUri) {
    const u = new URL(redirectUri);
    // CSP host sources cannot name an IPv6 literal.
    target = u.hostname.startsWith('[') ? ' http:' : ` ${u.origin}`;
  }
  return {
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'${target}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
  };
}

function redirectWithError(res: ServerResponse, v: { redirectUri: string; error: string; description: string; state?: string }, headers: Record<string, string>): void {
  const target = new URL(v.redirectUri);
  target.searchParams.set('error', v.error);
  target.searchParams.set('error_description', v.description);
  if (v.state !== undefined) target.searchParams.set('state', v.state);
  redirect(res, target.href, headers);
}

function redirect(res: ServerResponse, location: string, headers: Record<string, string>): void {
  res.writeHead(302, { ...headers, Location: location, 'Content-Length': 0, 'Cache-Control': 'no-store' });
  res.end();
}
