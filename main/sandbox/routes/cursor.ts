import { createHmac, randomBytes } from 'node:crypto';
import { RouteError } from '../http/errors.js';

/**
 * Cursors are opaque, signed and bound to this sandbox process: a tampered,
 * foreign or stale (pre-restart) cursor answers invalid_cursor like Dropbox.
 * The kind is signed with the state, so a cursor from one listing is never
 * accepted by another listing's continue route.
 */
const CURSOR_KEY = randomBytes(32);

function mac(kind: string, body: string): string {
  return createHmac('sha256', CURSOR_KEY).update(`${kind}\n${body}`).digest('base64url').slice(0, 22);
}

export function signCursor(kind: string, state: object): string {
  const body = Buffer.from(JSON.stringify(state)).toString('base64url');
  return `${body}.${mac(kind, body)}`;
}

/** The state signed into `cursor`; throws RouteError(invalid_cursor) when it is not ours. */
export function readCursor<T>(kind: string, cursor: string): T {
  const [body, sig, extra] = cursor.split('.');
  if (!body || !sig || extra !== undefined || mac(kind, body) !== sig) throw new RouteError('invalid_cursor');
  return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as T;
}
