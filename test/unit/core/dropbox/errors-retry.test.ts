import { DropboxResponseError } from 'dropbox';
import { describe, expect, it } from 'vitest';
import { toAppErrorInfo } from '../../../../main/core/dropbox/errors.js';
import { withRetry } from '../../../../main/core/dropbox/retry.js';
import { AppError } from '../../../../main/core/errors.js';

const err = (status: number, body: unknown, headers: Record<string, string> = {}) => new DropboxResponseError(status, new Headers(headers), body);

describe('toAppErrorInfo', () => {
  it.each<[DropboxResponseError<unknown>, string, string | undefined]>([
    [err(409, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' } }), 'dropbox_error', 'user_not_found'],
    [err(401, { error_summary: 'expired_access_token/', error: { '.tag': 'expired_access_token' } }), 'auth_failed', 'expired_access_token'],
    [err(401, { error: { '.tag': 'missing_scope', required_scope: 'members.read' } }), 'auth_failed', 'missing_scope'],
    [err(429, { error: { reason: { '.tag': 'too_many_requests' }, retry_after: 2 } }), 'rate_limited', 'too_many_requests'],
    [err(400, 'Error in call to API function "team/members/list_v2": bad'), 'bad_request', undefined],
    [err(503, 'unavailable'), 'dropbox_unavailable', undefined],
    [err(403, { error: { '.tag': 'no_permission' } }), 'access_denied', 'no_permission'],
  ])('maps HTTP %#', (e, code, tag) => {
    const info = toAppErrorInfo(e);
    expect(info.code).toBe(code);
    expect(info.dropboxTag).toBe(tag);
    expect(info.message.length).toBeGreaterThan(10);
  });

  it('keeps AppErrors and hides internals of anything else', () => {
    expect(toAppErrorInfo(new AppError('x', 'Said for people.'))).toEqual({ code: 'x', message: 'Said for people.' });
    const info = toAppErrorInfo(new Error('ENOENT /home/secret/path'));
    expect(info.code).toBe('internal');
    expect(info.message).not.toContain('/home');
    expect(toAppErrorInfo(new TypeError('fetch failed')).code).toBe('network');
  });
});

describe('withRetry', () => {
  it('waits the Retry-After of a 429, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls === 1) throw err(429, { error: { reason: { '.tag': 'too_many_requests' } } }, { 'Retry-After': '3' });
        return 'ok';
      },
      { sleep: async (ms) => void waits.push(ms) },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([3000]);
  });

  it('backs off on 5xx and gives up after the attempts', async () => {
    const waits: number[] = [];
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw err(500, 'boom');
        },
        { attempts: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
      ),
    ).rejects.toBeInstanceOf(DropboxResponseError);
    expect(calls).toBe(3);
    expect(waits).toEqual([100, 200]);
  });

  it('never retries a route error or an auth error', async () => {
    for (const e of [err(409, { error: { '.tag': 'user_not_found' } }), err(401, { error: { '.tag': 'invalid_access_token' } }), err(400, 'bad')]) {
      let calls = 0;
      await expect(
        withRetry(
          async () => {
            calls++;
            throw e;
          },
          { sleep: async () => {} },
        ),
      ).rejects.toBe(e);
      expect(calls).toBe(1);
    }
  });
});
