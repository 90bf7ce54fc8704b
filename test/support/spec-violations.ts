import { AnswerChecker } from '../../main/sandbox/spec/answer-check.js';
import { dropboxSpec } from '../../main/sandbox/spec/dropbox-spec.js';
import { formatViolation } from '../../main/sandbox/spec/validator.js';
import type { AnswerWatcher } from '../../main/sandbox/spec/answer-watch.js';

/**
 * Spec violations in sandbox answers seen since the last take, one line
 * each: `team/members/list_v2 200 $.members[3].profile.account_id: length 22, want 40..40`.
 * On globalThis so the setup file and a test that imports this module share one list.
 */
const KEY = Symbol.for('teamkeeper.test.spec-violations');
type WithList = typeof globalThis & { [KEY]?: string[] };

function list(): string[] {
  return ((globalThis as WithList)[KEY] ??= []);
}

/** Returns and clears what was recorded. */
export function takeSpecViolations(): string[] {
  return list().splice(0);
}

/**
 * Lists beyond this many items are checked on an evenly spread sample: a
 * 1,000-member page is 40 profiles checked, not 1,000 (see the report in
 * issue 7); every answer's envelope, tags and small lists are checked whole.
 */
const LIST_SAMPLE = 40;

/**
 * Built up front: parsing the spec inside the first answer would delay it by
 * tens of milliseconds, enough to change timing-sensitive tests (the write limiter's).
 */
const checker = new AnswerChecker(dropboxSpec(), { listSample: LIST_SAMPLE });

export const recordSpecViolations: AnswerWatcher = (route, status, body) => {
  for (const v of checker.check(route, status, body)) list().push(`${route} ${status} ${formatViolation(v)}`);
};
