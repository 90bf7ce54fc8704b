/**
 * Jobs: every change to the team is a job of one or more items of one action
 * (an action is a kind of item with its own parameters, not a method of its
 * own). Plan (sends nothing) → start with the typed confirmation → events →
 * results a page at a time → CSV. Schemas written once; main/core/jobs uses
 * these same ones.
 */
import { z } from 'zod';
import type { ExportCsvResult } from './reports.js';
import { noArg, type ApiOf } from './method.js';

/** A change the admin asks for: one action (e.g. member.suspend), one or more items (each that action's parameters, checked per item while planning). */
export const jobRequestSchema = z.strictObject({
  kind: z.string().min(1).max(64),
  items: z.array(z.unknown()).min(1).max(100_000),
});
export type JobRequest = z.infer<typeof jobRequestSchema>;

/** What Jobs names a job: job-<UTC yyyymmddThhmmss>-<8 hex>. */
export const jobIdSchema = z
  .string()
  .max(80)
  .regex(/^job-\d{8}T\d{6}-[0-9a-f]{8}$/, 'A job id looks like job-20260517T120000-0123abcd.');

export const memberRefSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  status: z.enum(['active', 'invited', 'suspended', 'removed']),
});
export type MemberRef = z.infer<typeof memberRefSchema>;

export const planItemSchema = z.object({
  index: z.number().int().min(0),
  /** The item's parameters as validated (or as given, when they were not valid). */
  input: z.unknown(),
  /** The member the item acts on, as read while planning (absent for an invite or an unknown member). */
  member: memberRefSchema.optional(),
  /** ready: will be sent; skip: already as wanted; blocked: a preflight problem, nothing will be sent. */
  status: z.enum(['ready', 'skip', 'blocked']),
  /** The Dropbox calls in order, in words ("team/members/suspend with wipe_data off"). */
  calls: z.array(z.string()),
  /** What happens, in words: licence freed or still used, reversible or not, until when. */
  consequences: z.array(z.string()),
  /** Why the item is blocked, one sentence each. */
  problems: z.array(z.string()),
  /** Why the item is skipped. */
  skipReason: z.string().optional(),
  irreversible: z.boolean(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const itemOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('done'),
    requestId: z.string().optional(),
    detail: z.string().optional(),
    /** The member the item created (an invite), so the directory can show them. */
    memberId: z.string().optional(),
  }),
  z.object({ outcome: z.literal('skipped'), reason: z.string(), requestId: z.string().optional() }),
  z.object({ outcome: z.literal('failed'), message: z.string(), tag: z.string().optional(), requestId: z.string().optional() }),
  /** Sent, but whether Dropbox applied it is not known (yet): checked before anything is sent again. */
  z.object({ outcome: z.literal('unconfirmed'), message: z.string(), requestId: z.string().optional() }),
]);
export type ItemOutcome = z.infer<typeof itemOutcomeSchema>;

/**
 * interrupted: the app stopped while the job ran (crash, forced quit, a disk
 * error): the UI offers resume, which checks items in doubt before sending.
 * paused: stopped on purpose (or by closing the app); also resumable.
 */
export const JOB_STATES = ['planned', 'running', 'pausing', 'paused', 'cancelling', 'cancelled', 'finished', 'interrupted'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobProgress {
  total: number;
  done: number;
  failed: number;
  skipped: number;
  unconfirmed: number;
  /** Not yet run (blocked items count as failed once the job runs, never as pending). */
  pending: number;
  /** Items finished per second since the job last started or resumed. */
  ratePerSecond: number;
  /** Seconds until every pending item is done at that rate; null until there is a rate. */
  secondsLeft: number | null;
  /** Epoch ms until which Dropbox asked the app to wait (Retry-After), or null. */
  waitingUntil: number | null;
}

export interface JobSummary {
  jobId: string;
  kind: string;
  label: string;
  state: JobState;
  /** resumeJob has something to do: paused, interrupted, or finished with items still in doubt. */
  resumable: boolean;
  /** A paused job that Teamkeeper paused itself: why, and what to do (sign in again, reconnect), in a sentence. */
  pausedBecause?: string;
  createdAt: string;
  irreversible: boolean;
  progress: JobProgress;
}

export interface JobPlan {
  jobId: string;
  kind: string;
  label: string;
  irreversible: boolean;
  items: PlanItem[];
  counts: { ready: number; skip: number; blocked: number };
  /** What the admin types to confirm: the member's email for a destructive single item, the count for many. */
  confirmation: { text: string; prompt: string } | null;
}

export interface ItemResult {
  index: number;
  input: unknown;
  member?: MemberRef;
  /** pending until run; blocked items end as failed with the preflight reason. */
  outcome: ItemOutcome | { outcome: 'pending' };
}

/** A job folder on disk that could not be read back: kept as it is, and said, never silently dropped. */
export interface DamagedJob {
  /** The job's id, which is also its folder's name. */
  jobId: string;
  /** Why it could not be read, one sentence. */
  reason: string;
}

export interface JobItemsPage {
  /** Items of the job, or with the outcome asked for. */
  total: number;
  items: ItemResult[];
}

/** What a job's items can be filtered to: an outcome, or not run yet. */
export const ITEM_OUTCOME_FILTERS = ['done', 'failed', 'skipped', 'unconfirmed', 'pending'] as const;
export type ItemOutcomeFilter = (typeof ITEM_OUTCOME_FILTERS)[number];

export const itemsPageArgSchema = z.strictObject({
  jobId: jobIdSchema,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
  /** Only the items with this outcome; offset and total then count those. */
  outcome: z.enum(ITEM_OUTCOME_FILTERS).optional(),
});
export type ItemsPageArg = z.infer<typeof itemsPageArgSchema>;

const jobArg = z.strictObject({ jobId: jobIdSchema });

export const JOBS_ARGS = {
  /** Validates each item, reads what the rules need, sends nothing. */
  planJob: jobRequestSchema,
  /** Starts a plan; `confirmation` is what the plan's confirmation asked the admin to type. */
  startJob: z.strictObject({ jobId: jobIdSchema, confirmation: z.string().max(320).optional() }),
  pauseJob: jobArg,
  /** Runs a paused or interrupted job again; items in doubt are read before anything is sent again. */
  resumeJob: jobArg,
  cancelJob: jobArg,
  /** Every job of the shown team, newest first, including unfinished ones from before a restart. */
  listJobs: noArg,
  /** The shown team's job folders that could not be read back (a damaged journal or plan). */
  listDamagedJobs: noArg,
  getJobItems: itemsPageArgSchema,
  /** Results as CSV (item, member, input, outcome, reason, Dropbox tag, request id), like the member report. */
  exportJobResults: jobArg,
};

export interface JobsResults {
  planJob: JobPlan;
  startJob: JobSummary;
  pauseJob: JobSummary;
  resumeJob: JobSummary;
  cancelJob: JobSummary;
  listJobs: JobSummary[];
  listDamagedJobs: DamagedJob[];
  getJobItems: JobItemsPage;
  exportJobResults: ExportCsvResult;
}

export type JobsApi = ApiOf<typeof JOBS_ARGS, JobsResults>;

/**
 * What one team's job engine emits. The stream is bounded however big the
 * job: read a job's items with getJobItems, never by collecting job.item.
 * - job.state: every change of state.
 * - job.progress: at most 4 a second per job, and always one when the job
 *   stops (finished, paused, cancelled, interrupted) or Dropbox asks for a
 *   wait (a 429: once per new end of the wait, with waitingUntil).
 * - job.item: in a job of at most 100 items, each item as it ends; in a
 *   bigger job only the items that failed or are unconfirmed (in doubt). At
 *   most 100 per run of a job either way (a resume is a new run); after that
 *   only job.progress tells how the job goes.
 */
export type JobEngineEvent =
  /** `reason`: why Teamkeeper paused the job itself (the team's sign-in was refused, the team was disconnected). */
  | { type: 'job.state'; jobId: string; state: JobState; reason?: string }
  | { type: 'job.progress'; jobId: string; progress: JobProgress }
  | { type: 'job.item'; jobId: string; index: number; outcome: ItemOutcome }
  /** The directory was re-read for these members; the same change also goes out as a directory.delta. */
  | { type: 'job.members-changed'; jobId: string; upserted: string[]; removed: string[] };

/** A job event as the renderer receives it: which connection's job. */
export type JobEvent = JobEngineEvent & { connectionId: string };
