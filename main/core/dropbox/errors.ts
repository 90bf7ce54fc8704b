import { DropboxResponseError } from 'dropbox';
import type { AppErrorInfo } from '../../../preload/contract.js';
import { AppError } from '../errors.js';

/** The first tag of a Dropbox error body: `error['.tag']`, or the head of `error_summary`. */
export function dropboxTagOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { error?: unknown; error_summary?: unknown };
  if (b.error && typeof b.error === 'object') {
    const err = b.error as Record<string, unknown>;
    if (typeof err['.tag'] === 'string') return err['.tag'];
    // 429 bodies nest the tag under `reason`.
    const reason = err.reason as Record<string, unknown> | undefined;
    if (reason && typeof reason['.tag'] === 'string') return reason['.tag'];
  }
  if (typeof b.error === 'string') return b.error;
  if (typeof b.error_summary === 'string') return b.error_summary.split('/')[0] || undefined;
  return undefined;
}

function fromDropbox(err: DropboxResponseError<unknown>): AppError {
  const tag = dropboxTagOf(err.error);
  const { status } = err;
  if (status === 401) {
    const message =
      tag === 'missing_scope'
        ? 'The app was not granted a permission this needs. Reconnect the team and allow all requested permissions.'
        : 'Dropbox no longer accepts this sign-in. Reconnect the team.';
    return new AppError('auth_failed', message, tag);
  }
  if (status === 403) return new AppError('access_denied', 'The signed-in admin is not allowed to do this.', tag);
  if (status === 409) return new AppError('dropbox_error', `Dropbox refused the request (${tag ?? 'unknown reason'}).`, tag);
  if (status === 429) return new AppError('rate_limited', 'Dropbox is rate-limiting this team. Try again in a minute.', tag);
  if (status === 400) {
    const text = typeof err.error === 'string' ? err.error.slice(0, 200) : undefined;
    return new AppError('bad_request', `Dropbox rejected the request as malformed${text ? `: ${text}` : '.'}`, tag);
  }
  if (status >= 500) return new AppError('dropbox_unavailable', 'Dropbox is having trouble right now. Try again shortly.', tag);
  return new AppError('dropbox_error', `Dropbox answered with HTTP ${status}.`, tag);
}

/** Anything thrown inside the core, as the data that crosses to the renderer. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof DropboxResponseError) return fromDropbox(err);
  // fetch() rejects with a TypeError whose cause is the socket error.
  if (err instanceof TypeError && /fetch failed/i.test(err.message)) {
    return new AppError('network', 'Could not reach Dropbox. Check the network connection.');
  }
  return new AppError('internal', 'Something went wrong inside Teamkeeper.');
}

export function toAppErrorInfo(err: unknown): AppErrorInfo {
  return toAppError(err).toInfo();
}
