import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Sandbox } from '../sandbox.js';
import type { RouteDef } from '../routes/route.js';
import { AccessFailure, AuthFailure, BadRequest, RouteError, errorSummary } from './errors.js';
import { readBody } from './read-body.js';
import { sendJson, sendText } from './respond.js';
import { grants } from '../oauth/scopes.js';
import { reportAnswer } from '../spec/answer-watch.js';

interface Outcome {
  status: number;
  adminId?: string;
  errorTag?: string;
}

/**
 * Serves POST /2/<route> exactly as Dropbox does: auth, scope, argument
 * validation (400 text), route errors (409), write limit (429), faults.
 */
export async function handleRpc(sb: Sandbox, req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
  const headers = { 'X-Dropbox-Request-Id': requestId };
  const route = path;
  let outcome: Outcome = { status: 500 };
  try {
    if (sb.config.latencyMs > 0) await sleep(sb.config.latencyMs);
    outcome = await serve(sb, req, res, route, headers);
  } catch (err) {
    // Last line of defence: the sandbox never crashes on a request.
    outcome = { status: 500 };
    if (!res.headersSent) sendText(res, 500, 'Internal server error', headers);
    else res.destroy();
    sb.lastInternalError = err;
  } finally {
    sb.log.add({
      time: new Date().toISOString(),
      route,
      status: outcome.status,
      adminId: outcome.adminId,
      selectUser: headerValue(req, 'dropbox-api-select-user'),
      errorTag: outcome.errorTag,
      requestId,
    });
  }
}

async function serve(sb: Sandbox, req: IncomingMessage, res: ServerResponse, route: string, headers: Record<string, string>): Promise<Outcome> {
  const fault = sb.faults.take(route);
  if (fault) return injectFault(route, fault.fault, fault.retryAfter ?? 1, res, headers);

  const def = sb.routes.get(route);
  if (req.method !== 'POST') {
    sendText(res, 400, `Error in call to API function "${route}": Expected POST, got ${req.method}.`, headers);
    return { status: 400 };
  }
  if (!def) {
    sendText(res, 404, `Error in call to API function "${route}": Unknown API function.`, headers);
    return { status: 404 };
  }

  // Auth first, as Dropbox does: a bad token beats a bad body.
  const auth = headerValue(req, 'authorization');
  if (!auth || !/^Bearer\s+\S+$/i.test(auth)) {
    req.resume();
    sendText(res, 400, `Error in call to API function "${route}": Must provide HTTP header "Authorization" or URL parameter "authorization".`, headers);
    return { status: 400 };
  }
  const bearer = auth.replace(/^Bearer\s+/i, '');
  const token = sb.tokens.lookupAccess(bearer);
  if (!token) return authError(route, res, headers, 'invalid_access_token', {}, req);
  if (token.expiresAt !== undefined && Date.now() >= token.expiresAt) return authError(route, res, headers, 'expired_access_token', {}, req);
  const admin = sb.store.memberById(token.adminId);
  if (!admin || admin.status !== 'active' || !sb.store.isAdmin(admin)) return authError(route, res, headers, 'invalid_access_token', {}, req);
  if (def.scope !== null && !grants(token.scopes, def.scope)) return authError(route, res, headers, 'missing_scope', { required_scope: def.scope }, req);

  let arg: unknown;
  try {
    arg = parseArg(def, route, await readBody(req), headerValue(req, 'content-type'));
  } catch (err) {
    if (err instanceof BadRequest) {
      sendText(res, 400, err.message, headers);
      return { status: 400, adminId: admin.teamMemberId };
    }
    throw err;
  }

  if (def.write) {
    const wait = sb.writeLimiter.take();
    if (wait !== undefined) return rateLimited(route, res, headers, 'too_many_write_operations', wait);
  }

  const selectUser = headerValue(req, 'dropbox-api-select-user');
  const selectAdmin = headerValue(req, 'dropbox-api-select-admin');
  try {
    const ctx = { store: sb.store, config: sb.config, adminId: admin.teamMemberId, selectUser, selectAdmin, token: bearer, tokens: sb.tokens };
    let result: unknown;
    // The commit logs the write (sandbox.ts) before the answer below acknowledges it.
    if (def.write) ctx.store.beginWrite();
    try {
      result = await def.handle(ctx, arg);
    } finally {
      if (def.write) ctx.store.commitWrite();
    }
    reportAnswer(route, 200, result ?? null);
    sendJson(res, 200, result ?? null, headers);
    return { status: 200, adminId: admin.teamMemberId };
  } catch (err) {
    if (err instanceof RouteError) {
      const body: Record<string, unknown> = { error_summary: errorSummary(err.body), error: err.body };
      if (err.userMessage) body.user_message = { text: err.userMessage, locale: 'en' };
      reportAnswer(route, 409, body);
      sendJson(res, 409, body, headers);
      return { status: 409, adminId: admin.teamMemberId, errorTag: err.tag };
    }
    if (err instanceof BadRequest) {
      sendText(res, 400, `Error in call to API function "${route}": ${err.message}`, headers);
      return { status: 400, adminId: admin.teamMemberId };
    }
    if (err instanceof AuthFailure) return authError(route, res, headers, err.tag, err.fields);
    if (err instanceof AccessFailure) {
      const body = { '.tag': err.tag };
      const answer = { error_summary: errorSummary(body), error: body };
      reportAnswer(route, 403, answer);
      sendJson(res, 403, answer, headers);
      return { status: 403, adminId: admin.teamMemberId, errorTag: err.tag };
    }
    throw err;
  }
}

/** The body types Dropbox takes JSON arguments in; browsers send the CORS one to skip a preflight. */
const JSON_CONTENT_TYPE = /^(application\/json\b|text\/plain;\s*charset=dropbox-cors-hack\s*$)/i;

function parseArg(def: RouteDef, route: string, text: string, contentType: string | undefined): unknown {
  const prefix = `Error in call to API function "${route}": `;
  if (def.schema === null) {
    // Void routes: no body, or a literal null.
    if (text.trim() === '' || text.trim() === 'null') return undefined;
    throw new BadRequest(`${prefix}request body: expected null, got value`);
  }
  if (!contentType || !JSON_CONTENT_TYPE.test(contentType)) {
    throw new BadRequest(`${prefix}Bad HTTP "Content-Type" header: "${contentType ?? ''}".  Expecting one of "application/json", "application/json; charset=utf-8", "text/plain; charset=dropbox-cors-hack".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BadRequest(`${prefix}request body: could not decode input as JSON`);
  }
  const parsed = def.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.join('.') : 'request body';
    throw new BadRequest(`${prefix}request body: ${where}: ${issue.message}`);
  }
  return parsed.data;
}

function authError(route: string, res: ServerResponse, headers: Record<string, string>, tag: string, fields: Record<string, unknown>, req?: IncomingMessage): Outcome {
  if (req) req.resume();
  const body = { '.tag': tag, ...fields };
  const answer = { error_summary: errorSummary(body), error: body };
  reportAnswer(route, 401, answer);
  sendJson(res, 401, answer, headers);
  return { status: 401, errorTag: tag };
}

function rateLimited(route: string, res: ServerResponse, headers: Record<string, string>, reason: string, seconds: number): Outcome {
  const answer = { error_summary: `${reason}/..`, error: { reason: { '.tag': reason }, retry_after: seconds } };
  reportAnswer(route, 429, answer);
  sendJson(res, 429, answer, { ...headers, 'Retry-After': String(seconds) });
  return { status: 429, errorTag: reason };
}

function injectFault(route: string, fault: 429 | 500 | 503 | 'drop', retryAfter: number, res: ServerResponse, headers: Record<string, string>): Outcome {
  if (fault === 'drop') {
    res.socket?.destroy();
    return { status: 0, errorTag: 'dropped_connection' };
  }
  if (fault === 429) return rateLimited(route, res, headers, 'too_many_requests', retryAfter);
  sendText(res, fault, fault === 503 ? 'Service Unavailable' : 'Internal Server Error', headers);
  return { status: fault };
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
