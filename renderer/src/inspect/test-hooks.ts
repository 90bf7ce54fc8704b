/** Set by electron.vite.config.ts: true only in the test build (`--mode test`, out-test/). */
declare const __TK_TEST_HOOKS__: boolean | undefined;

/**
 * Whether window.__tkState and window.__tkPerf are installed. A constant the
 * production build folds to false, so neither hook (nor its name) ships.
 */
export const TEST_HOOKS = typeof __TK_TEST_HOOKS__ !== 'undefined' && __TK_TEST_HOOKS__ === true;
