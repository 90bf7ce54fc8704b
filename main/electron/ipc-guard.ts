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

/** Where a call came from, for the log: the frame's origin only (a path or query may carry anything). */
export function senderOrigin(frame: FrameLike | null | undefined): string {
  if (!frame) return 'a destroyed frame';
  const origin = URL.parse(frame.url)?.origin;
  const where = origin && origin !== 'null' ? origin : (URL.parse(frame.url)?.protocol ?? 'an unreadable URL');
  return frame.parent ? `an iframe of ${where}` : where;
}

export type RefusalLog = (line: string) => void;

const logOnStderr: RefusalLog = (line) => console.warn(line);

/**
 * One IPC call: sender check, then the same argument validation as browser
 * mode, then the core. Every refusal of a sender is logged: a page trying to
 * call the app is worth seeing.
 */
export async function answerIpcCall(api: Api, method: ApiMethod, rawArg: unknown, trusted: boolean, from = 'an unknown sender', log: RefusalLog = logOnStderr): Promise<RpcEnvelope> {
  if (!trusted) {
    log(`Teamkeeper refused the IPC call ${method} from ${from}.`);
    return { ok: false, error: { code: 'forbidden', message: 'This window may not call Teamkeeper.' } };
  }
  const call = parseCall(method, rawArg);
  if (!call.ok) return call;
  return runCall(api, call.method, call.arg);
}
