/**
 * THE contract between the renderer and main, joined from one slice per
 * capability (contract/<capability>.ts): every call the UI can make, the
 * zod schema main validates its argument with, and every event main pushes.
 * The method list and the Api type are derived from the slices' schema maps.
 * Imported type-only by the renderer except for the method list.
 *
 * Nothing here ever carries a token, a secret, or a file path the user did
 * not choose.
 */
import { AUDIT_ARGS, type AuditApi } from './contract/audit.js';
import { CONNECTIONS_ARGS, type ConnectionsApi } from './contract/connections.js';
import { DIRECTORY_ARGS, type DirectoryApi } from './contract/directory.js';
import type { SequencedEvent } from './contract/events.js';
import { JOBS_ARGS, type JobsApi } from './contract/jobs.js';
import { mergeUnique } from './contract/merge-unique.js';
import { REPORTS_ARGS, type ExportCsvResult, type ReportsApi } from './contract/reports.js';

export * from './contract/audit.js';
export * from './contract/connections.js';
export * from './contract/directory.js';
export * from './contract/errors.js';
export * from './contract/events.js';
export * from './contract/jobs.js';
export * from './contract/reports.js';

/** Every method's argument schema; both transports validate with these before main/core sees anything. */
export const API_ARG_SCHEMAS = mergeUnique('contract slices', CONNECTIONS_ARGS, DIRECTORY_ARGS, REPORTS_ARGS, JOBS_ARGS, AUDIT_ARGS);

export type Api = ConnectionsApi & DirectoryApi & ReportsApi & JobsApi & AuditApi;
export type ApiMethod = keyof typeof API_ARG_SCHEMAS & keyof Api;

/** Every method name; transports refuse anything else. */
export const API_METHODS = Object.freeze(Object.keys(API_ARG_SCHEMAS)) as readonly ApiMethod[];

const methods: ReadonlySet<string> = new Set(API_METHODS);

/** Methods that answer an export: in browser mode their download link needs a one-time ticket the bridge adds. */
export const EXPORT_METHODS = ['exportMembersCsv', 'exportJobResults', 'exportAudit'] as const satisfies ReadonlyArray<
  { [M in ApiMethod]: Awaited<ReturnType<Api[M]>> extends ExportCsvResult ? M : never }[ApiMethod]
>;

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methods.has(name);
}

/** What window.teamkeeper is: the Api plus an event subscription. */
export interface TeamkeeperBridge extends Api {
  /**
   * Returns an unsubscribe function. `onReconnect` runs when the event stream
   * was interrupted and opened again (browser mode): events may have been lost.
   */
  onEvent(listener: (event: SequencedEvent) => void, onReconnect?: () => void): () => void;
}
