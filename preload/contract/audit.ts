/**
 * The audit log: one entry per item of every job, append-only. Read a page
 * at a time with filters, exported as CSV, and one member's history.
 */
import { z } from 'zod';
import { id, type ApiOf } from './method.js';
import type { ExportCsvResult } from './reports.js';

export const AUDIT_OUTCOMES = ['done', 'skipped', 'failed', 'unconfirmed'] as const;

/** One line of the audit log: one item of one job, as it happened. Never a token. */
export interface AuditEntry {
  /** ISO time the outcome was known. */
  time: string;
  teamId: string;
  /** The connected admin who ran the job. */
  admin: { teamMemberId: string; email: string };
  jobId: string;
  /** Job kind, e.g. member.suspend. */
  action: string;
  /** team_member_id and email of the member acted on (email only for an invite). */
  member: { id?: string; email?: string };
  options: Record<string, unknown>;
  outcome: (typeof AUDIT_OUTCOMES)[number];
  /** The skip reason or the failure sentence. */
  reason?: string;
  requestId?: string;
  errorTag?: string;
}

const isoDateOrTime = z.iso.datetime({ offset: true }).or(z.iso.date());

export const auditFilterSchema = z.strictObject({
  /** team_member_id or email (case-insensitive). */
  member: z.string().min(1).max(255).optional(),
  action: z.string().min(1).max(64).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  /** ISO dates or times, inclusive (a date as `to` means to the end of that day, UTC). */
  from: isoDateOrTime.optional(),
  to: isoDateOrTime.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditPage {
  /** Entries matching the filter. */
  total: number;
  /** Newest first. */
  entries: AuditEntry[];
  /** Set when some lines of the log could not be read (damaged on disk): every other entry is still there. */
  damage?: string;
}

const page = { offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) };

export const AUDIT_ARGS = {
  listAudit: z.strictObject({ filter: auditFilterSchema, ...page }),
  exportAudit: z.strictObject({ filter: auditFilterSchema }),
  /** Everything done to one member (matched by member id, or by the email they had when they were invited). */
  getMemberHistory: z.strictObject({ memberId: id, ...page }),
};

export interface AuditResults {
  listAudit: AuditPage;
  exportAudit: ExportCsvResult;
  getMemberHistory: AuditPage;
}

export type AuditApi = ApiOf<typeof AUDIT_ARGS, AuditResults>;
