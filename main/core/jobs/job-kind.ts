import type { z } from 'zod';
import type { DropboxClient } from '../dropbox/client.js';
import type { ItemOutcome, MemberRef, PlanItem } from '../../../preload/contract/jobs.js';

/** The connected admin, as Dropbox names them (team/token/get_authenticated_admin). */
export interface AdminIdentity {
  teamMemberId: string;
  email: string;
}

/** What a job kind may use of the team it acts on. */
export interface JobTeam {
  readonly teamId: string;
  readonly client: DropboxClient;
  /** The connected admin, read once. */
  admin(): Promise<AdminIdentity>;
  /** Members as the directory cache last saw them, or null when it has not synced. */
  cachedMembers(): Array<{ id: string; status: MemberRef['status']; roleIds: string[] }> | null;
}

/** One planned item with its validated parameters. */
export interface PlannedItem<P> extends PlanItem {
  input: P;
}

export interface RunContext {
  team: JobTeam;
  signal: AbortSignal;
  /** Journals an async job id before the job is polled, so a restart polls it instead of sending again. */
  noteAsyncJob(asyncJobId: string): Promise<void>;
  /** Set after a restart: the async job this item launched before the crash. */
  asyncJobId?: string;
}

/**
 * A kind of change: one file per action in core/actions. Planning only reads;
 * run sends the item's write(s); verify decides, after an unknown outcome,
 * whether the write took effect (reads only).
 */
export interface JobKind<P = unknown> {
  kind: string;
  /** How the action reads in lists and the audit log ("Suspend"). */
  label: string;
  irreversible: boolean;
  /** Confirm by typing the member's email (single destructive item). */
  confirmByEmail: boolean;
  /** One item's parameters, with the spec's limits. */
  params: z.ZodType<P>;
  /** Reads only. `items` are already valid; the result keeps their order and indexes. */
  plan(team: JobTeam, items: Array<{ index: number; input: P }>): Promise<Array<PlannedItem<P>>>;
  run(ctx: RunContext, item: PlannedItem<P>): Promise<ItemOutcome>;
  verify(team: JobTeam, item: PlannedItem<P>): Promise<'applied' | 'not_applied'>;
  /** The item's options for the audit log: parameters only, never a secret. */
  auditOptions(input: P): Record<string, unknown>;
}

/** The job kinds the engine knows; a duplicate kind name is a bug and refused. */
/** A kind of any parameter type: zod schemas make JobKind<P> invariant in P, so no narrower type takes them all. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJobKind = JobKind<any>;

export class JobKindRegistry {
  private readonly kinds = new Map<string, JobKind<unknown>>();

  constructor(kinds: readonly AnyJobKind[] = []) {
    for (const k of kinds) this.add(k);
  }

  add(kind: AnyJobKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`Job kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind as unknown as JobKind<unknown>);
  }

  get(kind: string): JobKind<unknown> | undefined {
    return this.kinds.get(kind);
  }

  list(): string[] {
    return [...this.kinds.keys()];
  }
}
