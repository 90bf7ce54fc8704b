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

let checker: AnswerChecker | undefined;
const ensureChecker = () => (checker ??= new AnswerChecker(dropboxSpec(), { listSample: LIST_SAMPLE }));

/**
 * The spec is parsed when a test file's first sandbox is created: files
 * without a sandbox never pay for it, and the first answer is not delayed by
 * it (tens of milliseconds, enough to change timing-sensitive tests such as
 * the write limiter's).
 */
export const recordSpecViolations: AnswerWatcher = {
  prepare: ensureChecker,
  answer(route, status, body) {
    try {
      for (const v of ensureChecker().check(route, status, body)) list().push(`${route} ${status} ${formatViolation(v)}`);
    } catch (err) {
      // A type the vendored spec lacks (e.g. from a namespace not vendored) fails the test by name, not as a 500.
      list().push(`${route} ${status} could not be checked: ${err instanceof Error ? err.message : String(err)}`);
    }
  },
};
