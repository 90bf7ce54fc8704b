import type { TeamkeeperBridge } from '../../preload/contract.js';
import { createHttpBridge } from './bridge/http-bridge.js';
import { takeSessionToken } from './bridge/session-token.js';

declare global {
  interface Window {
    /** Exposed by the preload in Electron; absent in browser mode. */
    teamkeeper?: TeamkeeperBridge;
  }
}

/** The one way the UI reaches the app: the preload's object, or the same Api over HTTP. */
export const api: TeamkeeperBridge =
  window.teamkeeper ??
  createHttpBridge(takeSessionToken({ location: window.location, history: window.history, storage: window.sessionStorage }));
