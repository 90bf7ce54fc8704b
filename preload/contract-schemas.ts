/**
 * Zod schemas for the argument of every Api method. Both transports (IPC in
 * Electron, /rpc in browser mode) validate with these before main/core sees
 * anything: the renderer is untrusted input.
 */
import { z } from 'zod';
import { API_METHODS, CSV_COLUMNS, type Api, type ApiMethod, type CsvPreset } from './contract.js';

/** Methods without an argument accept only null (what the transports send) or nothing. */
const noArg = z.null().optional().transform(() => undefined);

const includeRemoved = z.strictObject({ includeRemoved: z.boolean() });

/** Dropbox ids are short; a generous cap keeps hostile payloads small. */
const id = z.string().min(1).max(256);

const presets = ['member_report', 'pending_invites', 'suspended', 'admins'] as const satisfies readonly CsvPreset[];

const exportCsvArg = z.strictObject({
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('team'), includeRemoved: z.boolean().optional() }),
    // A view can hold the whole team; 50,000 members is the largest team we plan for, with room to spare.
    z.strictObject({ kind: z.literal('members'), ids: z.array(id).max(200_000) }),
  ]),
  columns: z.array(z.enum(CSV_COLUMNS)).min(1).max(CSV_COLUMNS.length * 2),
  preset: z.enum(presets).optional(),
});

/** Dropbox app keys are short lowercase alphanumerics; the sandbox's is "tk-sandbox-app". */
const appKey = z.string().trim().min(1, 'Enter your app key').max(64).regex(/^[A-Za-z0-9_-]+$/, 'An app key has only letters, digits, - and _');

const connectionId = z.strictObject({ connectionId: id });

type ArgOf<M extends ApiMethod> = Parameters<Api[M]> extends [infer A] ? A : undefined;

export const API_ARG_SCHEMAS = {
  getAppInfo: noArg,
  listConnections: noArg,
  getActiveConnection: noArg,
  getDirectory: includeRemoved,
  refreshDirectory: includeRemoved,
  getMemberDetail: z.strictObject({ memberId: id }),
  exportMembersCsv: exportCsvArg,
  getConnectGuide: noArg,
  startConnect: z.strictObject({ appKey, mode: z.enum(['loopback', 'paste']), connectionId: id.optional() }),
  completeConnect: z.strictObject({ attemptId: id, code: z.string().trim().min(1, 'Paste the code Dropbox showed').max(512) }),
  cancelConnect: z.strictObject({ attemptId: id }),
  switchConnection: connectionId,
  renameConnection: z.strictObject({ connectionId: id, label: z.string().trim().min(1, 'A name cannot be empty').max(100) }),
  disconnect: connectionId,
} satisfies { [M in ApiMethod]: z.ZodType<ArgOf<M>, unknown> };

const methods: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && methods.has(name);
}
