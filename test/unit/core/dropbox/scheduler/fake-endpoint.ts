import { DropboxResponseError } from 'dropbox';
import type { FakeClock } from './fake-clock.js';

/** A 429 as the SDK throws it. */
export function tooMany(seconds: number, reason: 'too_many_requests' | 'too_many_write_operations' = 'too_many_requests'): DropboxResponseError<unknown> {
  return new DropboxResponseError(429, new Headers({ 'retry-after': String(seconds) }), {
    error_summary: `${reason}/..`,
    error: { reason: { '.tag': reason }, retry_after: seconds },
  });
}

export function httpError(status: number, body: unknown = 'error'): DropboxResponseError<unknown> {
  return new DropboxResponseError(status, new Headers(), body);
}

/** What fetch throws when the server closed the socket without an answer. */
export function dropped(): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
}

export function refused(): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
}

/** 'ok', or what the call throws (the SDK's error type does not extend Error). */
type Answer = 'ok' | Error | DropboxResponseError<unknown>;

/**
 * Stands in for one route: each call answers after `latencyMs` of fake time
 * with the next scripted answer ('ok' once the script runs out), and keeps a
 * record of when calls started and how many were in flight.
 */
export class FakeEndpoint {
  readonly starts: number[] = [];
  readonly labels: string[] = [];
  inFlight = 0;
  maxInFlight = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly script: Answer[] = [],
    private readonly latencyMs = 10,
  ) {}

  get calls(): number {
    return this.starts.length;
  }

  call(label = ''): (signal: AbortSignal) => Promise<string> {
    return async (signal) => {
      this.starts.push(this.clock.now());
      this.labels.push(label);
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        await this.clock.sleep(this.latencyMs, signal);
      } finally {
        this.inFlight--;
      }
      const answer = this.script.shift() ?? 'ok';
      if (answer !== 'ok') throw answer;
      return label || 'ok';
    };
  }
}
