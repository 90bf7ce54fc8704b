/** Public entry of the Dropbox Team API emulator. */
export { startSandbox, type RunningSandbox, type StartOptions } from './server.js';
export { Sandbox, type SandboxOptions } from './sandbox.js';
export { DEFAULT_CLIENT_ID } from './oauth/apps.js';
export { TEAM_SCOPES } from './oauth/scopes.js';
export type { SandboxState, Member, Group } from './model/types.js';
