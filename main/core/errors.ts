import type { AppErrorCode, AppErrorInfo } from '../../preload/contract.js';

/**
 * What an error says about a write's fate, for the job engine (never read from
 * the sentence): `mayHaveApplied` — Dropbox may have made the change (a cancel
 * while it answered, or while its async job ran); `notSent` — the call never
 * left Teamkeeper, so nothing was applied and it can simply be run later.
 */
export interface AppErrorFate {
  mayHaveApplied?: boolean;
  notSent?: boolean;
}

/** An error meant for the admin: a stable code to match on and a sentence to show. */
export class AppError extends Error {
  readonly mayHaveApplied: boolean;
  readonly notSent: boolean;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly dropboxTag?: string,
    fate: AppErrorFate = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.mayHaveApplied = fate.mayHaveApplied ?? false;
    this.notSent = fate.notSent ?? false;
  }

  toInfo(): AppErrorInfo {
    return this.dropboxTag === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, dropboxTag: this.dropboxTag };
  }
}
