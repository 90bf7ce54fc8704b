/**
 * A process-wide hook that sees every RPC answer a sandbox sends, before it
 * is sent. The test suite installs a spec check here (test/support/spec-check-setup.ts),
 * so every sandbox a test starts — directly, through the core's practice
 * team or through a fixture — is checked without anyone passing an option.
 * Kept on globalThis so a second copy of this module (bundled or re-imported)
 * still finds the one hook. Costs one property read when nobody watches.
 */
export interface AnswerWatcher {
  /** Called when a sandbox is created: the time to do expensive set-up, not inside the first answer. */
  prepare?(): void;
  answer(route: string, status: number, body: unknown): void;
}

const KEY = Symbol.for('teamkeeper.sandbox.answer-watcher');
type WithWatcher = typeof globalThis & { [KEY]?: AnswerWatcher };

export function watchAnswers(watcher: AnswerWatcher | undefined): void {
  (globalThis as WithWatcher)[KEY] = watcher;
}

export function prepareAnswerWatch(): void {
  (globalThis as WithWatcher)[KEY]?.prepare?.();
}

export function reportAnswer(route: string, status: number, body: unknown): void {
  (globalThis as WithWatcher)[KEY]?.answer(route, status, body);
}
