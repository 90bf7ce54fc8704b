import type { AppErrorCode, AppErrorInfo } from '../../preload/contract.js';

/** An error meant for the admin: a stable code to match on and a sentence to show. */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly dropboxTag?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toInfo(): AppErrorInfo {
    return this.dropboxTag === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, dropboxTag: this.dropboxTag };
  }
}
