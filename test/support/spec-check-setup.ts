import { afterAll, afterEach } from 'vitest';
import { watchAnswers } from '../../main/sandbox/spec/answer-watch.js';
import { recordSpecViolations, takeSpecViolations } from './spec-violations.js';

/**
 * Every sandbox answer any test receives is checked against Dropbox's spec
 * as it is sent; a test during which the sandbox broke the spec fails here,
 * with the answers that broke it.
 */
watchAnswers(recordSpecViolations);

function failOnViolations(when: string): void {
  const found = takeSpecViolations();
  if (found.length === 0) return;
  const shown = found.slice(0, 20).join('\n  ');
  const more = found.length > 20 ? `\n  … and ${found.length - 20} more` : '';
  throw new Error(`The sandbox sent ${found.length} answer(s) that break Dropbox's spec ${when}:\n  ${shown}${more}`);
}

afterEach(() => failOnViolations('during this test'));
// Answers sent in beforeAll hooks or after the last test still count.
afterAll(() => failOnViolations('outside a test (beforeAll/afterAll)'));
