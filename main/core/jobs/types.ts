import { z } from 'zod';

/**
 * The job engine's data as it will cross the contract (preload/contract/jobs.ts
 * later): schemas written once, types derived from them.
 */

/** A change the admin asks for: one action, one or more items (each that action's parameters). */
export const jobRequestSchema = z.strictObject({
  kind: z.string().min(1).max(64),
  items: z.array(z.unknown()).min(1).max(100_000),
});
export type JobRequest = z.infer<typeof jobRequestSchema>;

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

export const itemsPageArgSchema = z.strictObject({
  jobId: z.string().min(1).max(80),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});
export type ItemsPageArg = z.infer<typeof itemsPageArgSchema>;

export type JobEvent =
  | { type: 'job.state'; jobId: string; state: JobState }
  | { type: 'job.progress'; jobId: string; progress: JobProgress }
  | { type: 'job.item'; jobId: string; index: number; outcome: ItemOutcome }
  | { type: 'job.members-changed'; jobId: string; upserted: string[]; removed: string[] };
