import type { DropboxResponse } from 'dropbox';
import type { CallKind } from '../dropbox/scheduler/scheduler.js';
import type { CallOptions, DropboxClient, SendCall } from '../dropbox/client.js';

/** Request ids of failed calls, kept beside the error instead of inside its message. */
const failedIds = new WeakMap<object, string>();

/** The X-Dropbox-Request-Id of the answer a failed tracked call got, if any. */
export function requestIdOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? failedIds.get(err) : undefined;
}

function headerOf(x: unknown): string | undefined {
  const headers = (x as { headers?: { get?: (n: string) => string | null } } | undefined)?.headers;
  const id = typeof headers?.get === 'function' ? headers.get('x-dropbox-request-id') : undefined;
  return id ?? undefined;
}

/**
 * client.call that also returns Dropbox's request id of the last attempt, so
 * each job item can name the request that decided it (support asks for it).
 */
export async function trackedCall<T>(client: DropboxClient, endpoint: string, kind: CallKind, send: SendCall<T>, options: CallOptions = {}): Promise<{ result: T; requestId?: string }> {
  let requestId: string | undefined;
  const tracked: SendCall<T> = async (dbx, o) => {
    try {
      const response: DropboxResponse<T> = await send(dbx, o);
      requestId = headerOf(response) ?? requestId;
      return response;
    } catch (err) {
      requestId = headerOf(err) ?? requestId;
      throw err;
    }
  };
  try {
    const result = await client.call(endpoint, kind, tracked, options);
    return { result, requestId };
  } catch (err) {
    if (requestId !== undefined && typeof err === 'object' && err !== null) failedIds.set(err, requestId);
    throw err;
  }
}
