import { describe, expect, it } from 'vitest';
import { classify } from '../../../../../main/core/dropbox/scheduler/classify.js';
import { dropped, httpError, refused, tooMany } from './fake-endpoint.js';

describe('classify', () => {
  it('429: Retry-After and whether it is the team write limit', () => {
    expect(classify(tooMany(3))).toEqual({ type: 'rate-limited', retryAfterMs: 3_000, teamWrites: false });
    expect(classify(tooMany(1, 'too_many_write_operations'))).toEqual({ type: 'rate-limited', retryAfterMs: 1_000, teamWrites: true });
  });

  it('5xx may have been applied', () => {
    expect(classify(httpError(500))).toEqual({ type: 'transient', maybeApplied: true, retryAfterMs: undefined });
    expect(classify(httpError(503))).toMatchObject({ type: 'transient', maybeApplied: true });
  });

  it('route, auth, access and malformed-request errors are final', () => {
    for (const status of [400, 401, 403, 404, 409]) expect(classify(httpError(status))).toEqual({ type: 'final' });
  });

  it('a connection broken mid-call may have been applied; one never made was not', () => {
    expect(classify(dropped())).toMatchObject({ type: 'transient', maybeApplied: true });
    expect(classify(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({ type: 'transient', maybeApplied: true });
    expect(classify(refused())).toMatchObject({ type: 'transient', maybeApplied: false });
  });

  it('bugs and aborts are not retried', () => {
    expect(classify(new TypeError("Cannot read properties of undefined (reading 'x')"))).toEqual({ type: 'final' });
    expect(classify(new DOMException('aborted', 'AbortError'))).toEqual({ type: 'final' });
    expect(classify('text')).toEqual({ type: 'final' });
  });
});
