import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Sandbox } from '../sandbox.js';
import { readBody } from '../http/read-body.js';
import { BadRequest } from '../http/errors.js';
import { sendJson } from '../http/respond.js';
import { DAY_MS, dropboxTimestamp } from '../model/clock.js';
import { hasAllowedOrigin, hasLoopbackHost } from './loopback.js';
import { appBody, clockBody, configBody, faultBody, inviteBody, memberStateBody, resetBody, revokeBody, teamStateBody } from './schemas.js';
import { memberStatesView, setMemberStates, setTeamStates, teamStatesView } from './team-states.js';
import { appView } from './app-view.js';
import { stateView } from './state-view.js';
import { acceptInvite } from './invites.js';

/** A control-API failure, answered as `{error, message}`. */
class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

interface Call {
  sb: Sandbox;
  /** Parses the JSON body (none at all counts as {}) with a schema, or throws a 400. */
  body<S extends z.ZodType>(schema: S): Promise<z.infer<S>>;
}

type Handler = (call: Call) => unknown;

/** Path after /__sandbox/ → method → handler. */
const ENDPOINTS: Record<string, Partial<Record<string, Handler>>> = {
  state: { GET: ({ sb }) => stateView(sb) },
  requests: {
    GET: ({ sb }) => ({ requests: sb.log.list() }),
    DELETE: ({ sb }) => {
      sb.log.clear();
      return { requests: [] };
    },
  },
  faults: {
    GET: ({ sb }) => ({ faults: sb.faults.pending() }),
    async POST({ sb, body }) {
      const rule = await body(faultBody);
      if (rule.route !== '*' && !sb.routes.has(rule.route)) {
        throw new ControlError(400, 'unknown_route', `"${rule.route}" is not a route of this sandbox (give the path after /2/, or "*")`);
      }
      sb.faults.add(rule);
      return { faults: sb.faults.pending() };
    },
    DELETE: ({ sb }) => {
      sb.faults.clear();
      return { faults: [] };
    },
  },
  reset: {
    async POST({ sb, body }) {
      const opts = await body(resetBody);
      sb.reset(opts);
      // A new seed means new member ids: the printed CLI token follows the new first admin.
      sb.tokens.rebind(sb.accessToken, sb.firstAdminId());
      return { seed: sb.store.state.seed, members: sb.store.state.members.length };
    },
  },
  'invites/accept': {
    async POST({ sb, body }) {
      const result = acceptInvite(sb.store, await body(inviteBody));
      if (!result.ok) throw new ControlError(result.status, result.error, result.message);
      return { member: sb.store.memberInfoV2(result.member) };
    },
  },
  team: {
    GET: ({ sb }) => teamStatesView(sb.store),
    async POST({ sb, body }) {
      setTeamStates(sb.store, await body(teamStateBody));
      return teamStatesView(sb.store);
    },
  },
  'members/state': {
    async POST({ sb, body }) {
      const result = setMemberStates(sb.store, await body(memberStateBody));
      if (!result.ok) throw new ControlError(result.status, result.error, result.message);
      return { member: sb.store.memberInfoV2(result.member), states: memberStatesView(result.member) };
    },
  },
  clock: {
    async POST({ sb, body }) {
      const b = await body(clockBody);
      sb.store.clock.advance('advanceDays' in b ? Math.round(b.advanceDays * DAY_MS) : b.advanceMs);
      sb.store.changed();
      return { now: dropboxTimestamp(sb.store.clock.now()), offsetMs: sb.store.clock.offsetMs };
    },
  },
  config: {
    GET: ({ sb }) => ({ ...sb.config }),
    async POST({ sb, body }) {
      const patch = await body(configBody);
      for (const [k, v] of Object.entries(patch)) if (v !== undefined) Object.assign(sb.config, { [k]: v });
      if (patch.writeRate !== undefined) sb.writeLimiter.setRate(patch.writeRate);
      return { ...sb.config };
    },
  },
  'tokens/expire': {
    POST: ({ sb }) => ({ expired: sb.tokens.expireAll() }),
  },
  'tokens/revoke': {
    async POST({ sb, body }) {
      const { clientId } = await body(revokeBody);
      return { revoked: sb.tokens.revokeGrants(clientId) };
    },
  },
  apps: {
    GET: ({ sb }) => ({ apps: sb.apps.list().map(appView) }),
    async POST({ sb, body }) {
      const { clientId, scopes, redirectUris } = await body(appBody);
      // Replacing an app keeps its display name (the default app is "Teamkeeper" on the consent page).
      const name = sb.apps.get(clientId)?.name ?? clientId;
      sb.apps.register({ clientId, name, scopes: new Set(scopes), redirectUris: [...new Set(redirectUris)] });
      return { app: appView(sb.apps.get(clientId)!) };
    },
  },
};

/**
 * The control API under /__sandbox/ for tests and the app's sandbox mode.
 * JSON in and out. The server binds 127.0.0.1 only; Host and Origin checks
 * keep web pages (DNS rebinding, cross-site form posts) from driving it, and
 * `allowedOrigins` names the only pages that may (none unless asked).
 */
export async function handleControl(sb: Sandbox, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, allowedOrigins: ReadonlySet<string>): Promise<void> {
  const headers = { 'X-Dropbox-Request-Id': requestId, 'Cache-Control': 'no-store' };
  try {
    if (!hasLoopbackHost(req)) throw new ControlError(403, 'forbidden_host', 'The control API answers only to a loopback Host header');
    if (!hasAllowedOrigin(req, allowedOrigins)) throw new ControlError(403, 'forbidden_origin', 'The control API refuses requests from web pages on other origins');
    const endpoint = ENDPOINTS[url.pathname.slice('/__sandbox/'.length)];
    if (!endpoint) throw new ControlError(404, 'not_found', `No control endpoint ${url.pathname}`);
    const handler = endpoint[req.method ?? ''];
    if (!handler) {
      res.setHeader('Allow', Object.keys(endpoint).join(', '));
      throw new ControlError(405, 'method_not_allowed', `${url.pathname} accepts ${Object.keys(endpoint).join(', ')}`);
    }
    // A form post needs no CORS preflight, so every POST, empty or not, must say it is JSON.
    if (req.method === 'POST' && !isJson(req)) throw new ControlError(415, 'unsupported_media_type', 'Send POST requests as application/json, even with an empty body');
    const result = await handler({ sb, body: (schema) => parseBody(req, schema) });
    sendJson(res, 200, result, headers);
  } catch (err) {
    req.resume();
    if (err instanceof ControlError) return sendJson(res, err.status, { error: err.error, message: err.message }, headers);
    if (err instanceof BadRequest) return sendJson(res, 400, { error: 'bad_request', message: err.message }, headers);
    throw err;
  }
}

function isJson(req: IncomingMessage): boolean {
  return /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');
}

async function parseBody<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.infer<S>> {
  const text = await readBody(req);
  let json: unknown = {};
  if (text.trim() !== '') {
    if (!isJson(req)) throw new ControlError(415, 'unsupported_media_type', 'Send the body as application/json');
    try {
      json = JSON.parse(text);
    } catch {
      throw new BadRequest('The body is not valid JSON');
    }
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new BadRequest(`${where}${issue.message}`);
  }
  return parsed.data;
}
