import { describe, expect, it } from 'vitest';
import { AnswerChecker } from '../../../../main/sandbox/spec/answer-check.js';
import { dropboxSpec } from '../../../../main/sandbox/spec/dropbox-spec.js';
import { formatViolation } from '../../../../main/sandbox/spec/validator.js';

const checker = new AnswerChecker(dropboxSpec());
const check = (route: string, status: number, body: unknown) => checker.check(route, status, body).map(formatViolation);

describe('answer checker (route answers against the spec)', () => {
  it.each([
    ['a 200 against the route result', 'team/members/remove/job_status/get', 200, { '.tag': 'in_progress' }],
    ['a Void result as null', 'team/members/suspend', 200, null],
    ['a 409 with the route error and its summary', 'team/members/suspend', 409, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' } }],
    ['a 409 with a user message', 'team/members/suspend', 409, { error_summary: 'suspend_last_admin/..', error: { '.tag': 'suspend_last_admin' }, user_message: { text: 'No.', locale: 'en' } }],
    ['a 401 missing_scope with its required scope', 'team/members/list_v2', 401, { error_summary: 'missing_scope/..', error: { '.tag': 'missing_scope', required_scope: 'members.read' } }],
    ['a 429 with reason and retry_after', 'team/members/suspend', 429, { error_summary: 'too_many_write_operations/..', error: { reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 } }],
    ['a v2 route by its _v2 path', 'team/members/list/continue_v2', 409, { error_summary: 'invalid_cursor/..', error: { '.tag': 'invalid_cursor' } }],
    ['a route the spec does not know', 'team/not_a_route', 200, { anything: true }],
    ['a text answer (400)', 'team/members/list_v2', 400, 'Error in call'],
  ])('passes %s', (_what, route, status, body) => {
    expect(check(route, status, body)).toEqual([]);
  });

  it.each([
    ['a Void result with a body', 'team/members/suspend', 200, {}, '$: {}, want null (Void)'],
    ['a tag the route error does not declare', 'team/members/suspend', 409, { error_summary: 'user_gone/..', error: { '.tag': 'user_gone' } }, '$.error..tag: "user_gone", want one of'],
    ['an error summary for another tag', 'team/members/suspend', 409, { error_summary: 'user_not_in_team/..', error: { '.tag': 'user_not_found' } }, '$.error_summary: "user_not_in_team/.." does not start with "user_not_found/"'],
    ['a missing error summary', 'team/members/suspend', 409, { error: { '.tag': 'user_not_found' } }, '$.error_summary: want a String'],
    ['a stray field in the envelope', 'team/members/suspend', 409, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' }, detail: 1 }, '$.detail: unknown field of an error answer'],
    ['a bad user message', 'team/members/suspend', 409, { error_summary: 'user_not_found/..', error: { '.tag': 'user_not_found' }, user_message: 'no' }, '$.user_message: want {text, locale}'],
    ['an auth tag AuthError lacks', 'team/members/list_v2', 401, { error_summary: 'bad_token/..', error: { '.tag': 'bad_token' } }, '$.error..tag: "bad_token", want one of'],
    ['missing_scope without its scope', 'team/members/list_v2', 401, { error_summary: 'missing_scope/..', error: { '.tag': 'missing_scope' } }, '$.error.required_scope: missing, required by auth.TokenScopeError (String)'],
    ['a 429 whose reason is a bare string', 'team/members/suspend', 429, { error_summary: 'too_many_requests/..', error: { reason: 'too_many_requests', retry_after: 1 } }, '$.error.reason: "too_many_requests", want union auth.RateLimitReason as {".tag": …}'],
    ['a 429 summary for another reason', 'team/members/suspend', 429, { error_summary: 'too_many_requests/..', error: { reason: { '.tag': 'too_many_write_operations' }, retry_after: 1 } }, '$.error_summary: "too_many_requests/.." does not start with "too_many_write_operations/"'],
  ])('refuses %s', (_what, route, status, body, message) => {
    expect(check(route, status, body).some((m) => m.startsWith(message))).toBe(true);
  });
});
