import { afterAll, beforeAll } from 'vitest';
import type { Dropbox } from 'dropbox';
import type { Member } from '../../main/sandbox/model/types.js';
import type { RunningSandbox, StartOptions } from '../../main/sandbox/index.js';
import { withSandbox } from './sandbox-client.js';

export type SandboxWithSdk = RunningSandbox & { dbx: Dropbox };

/**
 * One fresh sandbox for the describe block that calls this, closed after it,
 * with its active members who hold no admin role (the usual targets of a
 * write). Read the fields inside tests and hooks: they are set by beforeAll.
 */
export function sandboxSuite(opts: StartOptions = {}): { readonly sb: SandboxWithSdk; readonly plain: Member[] } {
  const suite = {} as { sb: SandboxWithSdk; plain: Member[] };
  beforeAll(async () => {
    suite.sb = await withSandbox(opts);
    suite.plain = suite.sb.sandbox.store.state.members.filter((m) => m.status === 'active' && m.roleIds.length === 0);
  });
  afterAll(() => suite.sb.close());
  return suite;
}
