import type { ApiMethod } from '../../preload/contract.js';

/** IPC channel names shared by the preload and main; nothing else travels over IPC. */
export const IPC_CHANNEL_PREFIX = 'teamkeeper:api:';
export const IPC_EVENT_CHANNEL = 'teamkeeper:event';

export function channelFor(method: ApiMethod): string {
  return IPC_CHANNEL_PREFIX + method;
}
