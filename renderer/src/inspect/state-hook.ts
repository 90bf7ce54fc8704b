import { useConnectStore } from '../features/connections/connect-store.js';
import { useConnectionStore } from '../features/connections/connection-store.js';
import { useDirectoryStore } from '../features/directory/directory-store.js';

declare global {
  interface Window {
    __tkState?: () => string;
  }
}

/** Sets and Maps as arrays, so the whole state shows in the text. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return [...value.entries()];
  return value;
}

/**
 * Everything the renderer holds, as text: the e2e suite searches it for
 * tokens, which must never reach this side. Nothing in the app calls it.
 */
export function installStateHook(): void {
  window.__tkState = () =>
    JSON.stringify(
      { connection: useConnectionStore.getState(), connect: useConnectStore.getState(), directory: useDirectoryStore.getState() },
      replacer,
    );
}
