/**
 * The sandbox clock: wall-clock time plus an offset that tests and the
 * control API can advance (e.g. past the 7-day recover window).
 */
export class Clock {
  constructor(public offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** Dropbox timestamps: ISO 8601 UTC without milliseconds ("2015-05-12T15:50:38Z"). */
export function dropboxTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const DAY_MS = 24 * 60 * 60 * 1000;
