/** How run.ts hands the running app to the test files (vitest runs them in separate workers). */
export const E2E_ENV = {
  chromium: 'TK_E2E_CHROMIUM',
  appUrl: 'TK_E2E_APP_URL',
  /** The app's built-in sandbox team. */
  sandboxUrl: 'TK_E2E_SANDBOX_URL',
  sandboxToken: 'TK_E2E_SANDBOX_TOKEN',
  /** The separately started sandbox the app treats as Dropbox itself (--dropbox-url). */
  dropboxUrl: 'TK_E2E_DROPBOX_URL',
  dropboxClientId: 'TK_E2E_DROPBOX_CLIENT_ID',
  dropboxToken: 'TK_E2E_DROPBOX_TOKEN',
  /** Its access-token lifetime in seconds. */
  dropboxTokenTtl: 'TK_E2E_DROPBOX_TOKEN_TTL',
} as const;

export function e2eSetting(name: keyof typeof E2E_ENV): string {
  const value = process.env[E2E_ENV[name]];
  if (!value) throw new Error(`${E2E_ENV[name]} is not set: run the e2e suite with \`npm run test:e2e\` (test/e2e/run.ts).`);
  return value;
}
