import type { AppErrorInfo } from '../../../preload/contract.js';
import { AppError } from '../errors.js';
import { messageForTag } from './error-messages.js';
import { classify } from './scheduler/classify.js';
import { CancelledError, UnconfirmedWriteError } from './scheduler/errors.js';

/**
 * An HTTP answer from Dropbox as the SDK throws it (DropboxResponseError).
 * Matched by shape: the SDK's CommonJS and ESM builds each have their own class.
 */
export interface DropboxHttpError {
  status: number;
  error: unknown;
}

export function isDropboxHttpError(err: unknown): err is DropboxHttpError {
  return typeof err === 'object' && err !== null && typeof (err as { status?: unknown }).status === 'number' && 'error' in err;
}

/** The first tag of a Dropbox error body: `error['.tag']`, the 429 `reason`, the OAuth `error` string, or the head of `error_summary`. */
export function dropboxTagOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { error?: unknown; error_summary?: unknown };
  if (b.error && typeof b.error === 'object') {
    const err = b.error as Record<string, unknown>;
    if (typeof err['.tag'] === 'string') return err['.tag'];
    const reason = err.reason as Record<string, unknown> | undefined;
    if (reason && typeof reason['.tag'] === 'string') return reason['.tag'];
  }
  if (typeof b.error === 'string') return b.error;
  if (typeof b.error_summary === 'string') return b.error_summary.split('/')[0] || undefined;
  return undefined;
}

/** The scope a 401 missing_scope names (`error.required_scope`). */
function requiredScopeOf(body: unknown): string | undefined {
  const scope = (body as { error?: { required_scope?: unknown } } | undefined)?.error?.required_scope;
  return typeof scope === 'string' && /^[a-z_.]{1,64}$/.test(scope) ? scope : undefined;
}

/** Dropbox's own sentence for the user, when a 409 carries one. */
function userMessageOf(body: unknown): string | undefined {
  const text = (body as { user_message?: { text?: unknown } } | undefined)?.user_message?.text;
  return typeof text === 'string' && text.length > 0 && text.length <= 300 ? text : undefined;
}

export function missingScopeError(scope: string | undefined): AppError {
  const message = scope
    ? `Teamkeeper needs the ${scope} permission. In the Dropbox App Console, open your app's Permissions tab, tick ${scope}, submit, then reconnect.`
    : "Teamkeeper's app is missing a permission. In the Dropbox App Console, open your app's Permissions tab, tick every permission the connect guide lists, submit, then reconnect.";
  return new AppError('missing_scope', message, 'missing_scope');
}

/** Tags after which only signing in again helps. */
const REAUTH_TAGS = new Set(['invalid_access_token', 'expired_access_token', 'user_suspended', 'invalid_grant', 'invalid_client']);

function fromHttp(err: DropboxHttpError): AppError {
  const { status, error: body } = err;
  const tag = dropboxTagOf(body);
  const sentence = messageForTag(tag);
  if (status === 401 && tag === 'missing_scope') return missingScopeError(requiredScopeOf(body));
  // The token endpoint answers a revoked grant or an unknown app key with 400, not 401.
  if (status === 401 || (status === 400 && (tag === 'invalid_grant' || tag === 'invalid_client'))) {
    const why = tag && REAUTH_TAGS.has(tag) ? (sentence ?? 'Dropbox no longer accepts this sign-in.') : (sentence ?? 'Dropbox refused the sign-in.');
    return new AppError('needs_reauth', `${why} Sign in to the team again.`, tag);
  }
  if (status === 403) return new AppError('access_denied', sentence ?? 'The signed-in admin is not allowed to do this.', tag);
  if (status === 409) return new AppError('dropbox_error', sentence ?? userMessageOf(body) ?? `Dropbox refused the request (${tag ?? 'no reason given'}).`, tag);
  if (status === 429) return new AppError('rate_limited', sentence ?? 'Dropbox is rate-limiting this team. Try again in a minute.', tag);
  if (status === 404) return new AppError('not_supported', 'This Dropbox does not offer this operation.');
  if (status === 400) return new AppError('bad_request', 'Dropbox rejected the request as malformed. This is a bug in Teamkeeper; please report it.', tag);
  if (status >= 500) return new AppError('dropbox_unavailable', 'Dropbox is having trouble right now. Try again shortly.', tag);
  return new AppError('dropbox_error', `Dropbox answered with HTTP ${status}.`, tag);
}

/**
 * Anything thrown inside the core, as an error meant for people. Sentences
 * are fixed text: nothing from a request (URLs, headers, tokens) is copied in.
 */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof CancelledError) {
    return err.inFlight
      ? new AppError('cancelled', 'Cancelled while Dropbox was answering: the change may or may not have been made. Check before trying again.', undefined, { mayHaveApplied: true })
      : new AppError('cancelled', 'Cancelled before it was sent to Dropbox.', undefined, { notSent: true });
  }
  if (err instanceof UnconfirmedWriteError) {
    return new AppError('unconfirmed', 'Dropbox did not confirm whether the change was made (the connection broke or Dropbox had an error). Check the current state before trying again.', undefined, {
      mayHaveApplied: true,
    });
  }
  if (isDropboxHttpError(err)) return fromHttp(err);
  if (classify(err).type === 'transient') {
    return new AppError('network', 'Could not reach Dropbox. Check the network connection.');
  }
  return new AppError('internal', 'Something went wrong inside Teamkeeper.');
}

export function toAppErrorInfo(err: unknown): AppErrorInfo {
  return toAppError(err).toInfo();
}
