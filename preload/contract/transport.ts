/**
 * What the two ends of a transport share: the preload and main's IPC
 * handlers (Electron), the HTTP bridge and the browser host (browser mode).
 */
import type { ApiMethod } from '../contract.js';
import type { AppErrorInfo } from './errors.js';

/**
 * Main answers every call with an envelope: Electron drops custom Error
 * fields on the way back, so an AppErrorInfo crosses as data.
 */
export type RpcEnvelope = { ok: true; result: unknown } | { ok: false; error: AppErrorInfo };

/** IPC channel names; nothing else travels over IPC. */
export const IPC_CHANNEL_PREFIX = 'teamkeeper:api:';
export const IPC_EVENT_CHANNEL = 'teamkeeper:event';

export function channelFor(method: ApiMethod): string {
  return IPC_CHANNEL_PREFIX + method;
}
