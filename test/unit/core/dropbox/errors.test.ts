import { DropboxResponseError } from 'dropbox';
import { describe, expect, it } from 'vitest';
import { DROPBOX_TAG_MESSAGES } from '../../../../main/core/dropbox/error-messages.js';
import { toAppError, toAppErrorInfo } from '../../../../main/core/dropbox/errors.js';
import { CancelledError, UnconfirmedWriteError } from '../../../../main/core/dropbox/scheduler/errors.js';
import { AppError } from '../../../../main/core/errors.js';

const err = (status: number, body: unknown, headers: Record<string, string> = {}) => new DropboxResponseError(status, new Headers(headers), body);
const routeError = (tag: string, extra: Record<string, unknown> = {}) => err(409, { error_summary: `${tag}/..`, error: { '.tag': tag, ...extra } });

describe('toAppError: HTTP answers', () => {
  it.each<[string, DropboxResponseError<unknown>, string, string | undefined]>([
    ['409 route error', routeError('user_not_found'), 'dropbox_error', 'user_not_found'],
    ['401 expired token', err(401, { error_summary: 'expired_access_token/', error: { '.tag': 'expired_access_token' } }), 'needs_reauth', 'expired_access_token'],
    ['401 invalid token', err(401, { error: { '.tag': 'invalid_access_token' } }), 'needs_reauth', 'invalid_access_token'],
    ['401 suspended admin', err(401, { error: { '.tag': 'user_suspended' } }), 'needs_reauth', 'user_suspended'],
    ['400 invalid_grant from the token endpoint', err(400, { error: 'invalid_grant', error_description: 'refresh token is invalid or revoked' }), 'needs_reauth', 'invalid_grant'],
    ['400 invalid_client from the token endpoint (app key deleted)', err(400, { error: 'invalid_client', error_description: 'unknown client' }), 'needs_reauth', 'invalid_client'],
    ['401 missing scope', err(401, { error: { '.tag': 'missing_scope', required_scope: 'members.read' } }), 'missing_scope', 'missing_scope'],
    ['429', err(429, { error: { reason: { '.tag': 'too_many_requests' }, retry_after: 2 } }), 'rate_limited', 'too_many_requests'],
    ['400 text', err(400, 'Error in call to API function "team/members/list_v2": bad'), 'bad_request', undefined],
    ['404 unknown route', err(404, 'Unknown API function'), 'not_supported', undefined],
    ['503', err(503, 'unavailable'), 'dropbox_unavailable', undefined],
    ['403', err(403, { error: { '.tag': 'no_permission' } }), 'access_denied', 'no_permission'],
  ])('%s', (_name, e, code, tag) => {
    const info = toAppErrorInfo(e);
    expect(info.code).toBe(code);
    expect(info.dropboxTag).toBe(tag);
    expect(info.message).toMatch(/^[A-Z].{10,}[.!]$/);
  });

  it('names the missing scope and where to enable it', () => {
    const e = toAppError(err(401, { error_summary: 'missing_scope/', error: { '.tag': 'missing_scope', required_scope: 'members.write' } }));
    expect(e.message).toBe(
      "Teamkeeper needs the members.write permission. In the Dropbox App Console, open your app's Permissions tab, tick members.write, submit, then reconnect.",
    );
  });

  it('does not echo a scope that is not a scope name', () => {
    const e = toAppError(err(401, { error: { '.tag': 'missing_scope', required_scope: '<script>sl.token</script>' } }));
    expect(e.code).toBe('missing_scope');
    expect(e.message).not.toContain('script');
  });

  it.each([
    ['remove_last_admin', "This member is the last team admin and can't be removed."],
    ['suspend_last_admin', "This member is the last team admin and can't be suspended."],
    ['user_not_found', 'No member with that email address or id is on this team.'],
    ['team_license_limit', 'The team has no free licenses. Free one up or add licenses in the Admin Console, then try again.'],
    ['group_name_already_used', 'Another group already has that name.'],
  ])('says %s in words', (tag, sentence) => {
    expect(toAppError(routeError(tag)).message).toBe(sentence);
  });

  it('falls back to Dropbox’s user_message, then to the tag, for tags it does not know', () => {
    const withMessage = err(409, { error_summary: 'brand_new/..', error: { '.tag': 'brand_new' }, user_message: { text: 'Dropbox says why.', locale: 'en' } });
    expect(toAppError(withMessage)).toMatchObject({ code: 'dropbox_error', dropboxTag: 'brand_new', message: 'Dropbox says why.' });
    expect(toAppError(routeError('brand_new')).message).toBe('Dropbox refused the request (brand_new).');
  });

  it('has a full sentence for every tag in the table', () => {
    for (const [tag, sentence] of Object.entries(DROPBOX_TAG_MESSAGES)) {
      expect(tag).toMatch(/^[a-z0-9_]+$/);
      expect(sentence, tag).toMatch(/^[A-Z].*[.]$/);
      expect(sentence, tag).not.toContain('_');
    }
  });
});

describe('toAppError: everything else', () => {
  it('keeps AppErrors and hides the internals of anything else', () => {
    expect(toAppErrorInfo(new AppError('unknown_members', 'Said for people.'))).toEqual({ code: 'unknown_members', message: 'Said for people.' });
    const info = toAppErrorInfo(new Error('ENOENT /home/secret/path'));
    expect(info.code).toBe('internal');
    expect(info.message).not.toContain('/home');
  });

  it('maps network failures, cancellations and unconfirmed writes', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });
    expect(toAppError(refused).code).toBe('network');
    expect(toAppError(new CancelledError(false)).code).toBe('cancelled');
    expect(toAppError(new CancelledError(true)).message).toContain('may or may not');
    expect(toAppError(new UnconfirmedWriteError('team/members/remove', err(503, 'x'))).code).toBe('unconfirmed');
  });

  it("says a write's fate as flags, not in the sentence: sent and maybe applied, or never sent", () => {
    expect(toAppError(new CancelledError(true))).toMatchObject({ mayHaveApplied: true, notSent: false });
    expect(toAppError(new CancelledError(false))).toMatchObject({ mayHaveApplied: false, notSent: true });
    expect(toAppError(new UnconfirmedWriteError('team/members/remove', err(503, 'x')))).toMatchObject({ mayHaveApplied: true, notSent: false });
    expect(toAppError(err(409, 'member_not_found'))).toMatchObject({ mayHaveApplied: false, notSent: false });
  });

  it('never copies the text of an HTTP answer or a socket error into the message', () => {
    const secret = 'sl.tk-SECRETSECRET';
    for (const e of [err(400, `bad token ${secret}`), err(500, secret), new TypeError('fetch failed', { cause: new Error(secret) }), new Error(secret)]) {
      expect(JSON.stringify(toAppErrorInfo(e))).not.toContain(secret);
    }
  });
});
