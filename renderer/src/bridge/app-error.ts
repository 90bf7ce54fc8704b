import { isAppErrorCode, type AppErrorCode, type AppErrorInfo } from '../../../preload/contract.js';

/** An error that crossed the boundary as data (AppErrorInfo), rethrown on this side. */
export class AppError extends Error implements AppErrorInfo {
  readonly code: AppErrorCode;
  readonly dropboxTag?: string;

  constructor(info: AppErrorInfo) {
    super(info.message);
    this.name = 'AppError';
    this.code = info.code;
    if (info.dropboxTag !== undefined) this.dropboxTag = info.dropboxTag;
  }
}

export function isAppErrorInfo(value: unknown): value is AppErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return isAppErrorCode(v.code) && typeof v.message === 'string';
}

/** Whatever was thrown, in the shape the UI shows: a sentence for people and a code. */
export function toAppErrorInfo(err: unknown): AppErrorInfo {
  if (isAppErrorInfo(err)) {
    return err.dropboxTag === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, dropboxTag: err.dropboxTag };
  }
  if (err instanceof Error) return { code: 'unexpected', message: err.message };
  return { code: 'unexpected', message: 'Something went wrong.' };
}
