import type { Api, ApiMethod } from '../../preload/contract.js';
import { parseCall, runCall, type RpcEnvelope } from '../core/rpc.js';
import { isAppUrl } from './trusted-url.js';

/** The parts of Electron's WebFrameMain the check needs. */
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}

/**
 * IPC is answered only for the top frame of our own window showing our own
 * page: not for other windows, iframes, or a page that navigated elsewhere.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, senderId: number, windowContentsId: number | undefined): boolean {
  return !!frame && frame.parent === null && windowContentsId !== undefined && senderId === windowContentsId && isAppUrl(frame.url);
}

/** One IPC call: sender check, then the same argument validation as browser mode, then the core. */
export async function answerIpcCall(api: Api, method: ApiMethod, rawArg: unknown, trusted: boolean): Promise<RpcEnvelope> {
  if (!trusted) return { ok: false, error: { code: 'forbidden', message: 'This window may not call Teamkeeper.' } };
  const call = parseCall(method, rawArg);
  if (!call.ok) return call;
  return runCall(api, call.method, call.arg);
}
