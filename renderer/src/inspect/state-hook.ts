import { registeredClients } from '../app-events.js';

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
 * Every store that registered for events is in it, by name.
 */
export function installStateHook(): void {
  window.__tkState = () => {
    const states: Record<string, unknown> = {};
    for (const [name, client] of registeredClients()) states[name] = client.state();
    return JSON.stringify(states, replacer);
  };
}
