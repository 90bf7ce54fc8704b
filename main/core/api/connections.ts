import type { AppInfo, ConnectionsApi } from '../../../preload/contract.js';
import type { ConnectFlow } from '../auth/connect-flow.js';
import type { Connections } from '../auth/connections.js';
import type { SecretStore } from '../auth/secret-store.js';

export interface ConnectionsDeps {
  app: Pick<AppInfo, 'version' | 'mode'>;
  secrets: SecretStore;
  connections: Connections;
  connect: ConnectFlow;
}

/** The connections slice: which teams exist, which is shown, and connecting one. */
export function connectionsHandlers({ app, secrets, connections, connect }: ConnectionsDeps): ConnectionsApi {
  return {
    getAppInfo: async () => ({ version: app.version, mode: app.mode, secretStorage: await secrets.storage() }),
    listConnections: async () => connections.list(),
    getActiveConnection: async () => connections.active.summary(),
    getConnectGuide: async () => connect.guide(),
    startConnect: (arg) => connect.start(arg),
    completeConnect: (arg) => connect.complete(arg.attemptId, arg.code),
    cancelConnect: async (arg) => connect.cancel(arg.attemptId),
    switchConnection: (arg) => connections.switchTo(arg.connectionId),
    renameConnection: async (arg) => connections.rename(arg.connectionId, arg.label),
    disconnect: (arg) => connections.disconnect(arg.connectionId),
  };
}
