import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { confirmationMatches } from '../../../preload/confirmation.js';
import { AuditLog } from '../audit/audit-log.js';
import type { DropboxClient } from '../dropbox/client.js';
import { systemClock, type Clock } from '../dropbox/scheduler/clock.js';
import { AppError } from '../errors.js';
import { writeCsv, type CsvWriteResult } from '../reports/csv-writer.js';
import type { AdminIdentity, JobKind, JobKindRegistry, JobTeam, PlannedItem } from './job-kind.js';
import { arrayItems } from './item-list.js';
import { JobRun } from './job-run.js';
import { JobJournal, type StoredPlan } from './journal.js';
import { jobRequestSchema, itemsPageArgSchema, type ItemResult, type JobEngineEvent, type JobItemsPage, type JobPlan, type JobSummary, type MemberRef, type PlanItem } from '../../../preload/contract/jobs.js';

/** The part of the Directory the engine uses. */
export interface JobsDirectory {
  current(): { members: Array<{ id: string; status: MemberRef['status']; roleIds: string[] }> } | null;
  /** Re-reads these members from Dropbox into the cache; says which were upserted and which left it. */
  applyMemberChanges?(ids: string[]): Promise<{ upserted: string[]; removed: string[] }>;
}

export interface JobsOptions {
  client: DropboxClient;
  directory?: JobsDirectory;
  dataDir: string;
  teamId: string;
  kinds: JobKindRegistry;
  clock?: Clock;
  /** Items of one job in flight at once (the scheduler limits each endpoint further). */
  concurrency?: number;
  /** A listener that threw: reported here rather than lost. */
  onListenerError?(err: unknown): void;
}

/** A plan the admin has seen but not confirmed yet: in memory only, nothing on disk. */
interface PendingPlan {
  plan: JobPlan;
  kind: JobKind<unknown>;
  admin: AdminIdentity;
}

/** Plans shown but not confirmed that are kept for start(). */
const MAX_OPEN_PLANS = 20;

function newJobId(now: number): string {
  // Sorts by creation time, so listing a folder lists jobs oldest first.
  return `job-${new Date(now).toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomBytes(4).toString('hex')}`;
}

function firstIssueSentence(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  const where = issue.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/**
 * The job engine of one team: plan → start → run, pause / resume / cancel,
 * per-item results, CSV export, and events. Jobs survive a restart: opening
 * the engine on the same data dir lists unfinished jobs, which resume() runs
 * again (checking items in doubt before sending anything twice).
 */
export class Jobs {
  private readonly clock: Clock;
  private readonly jobsDir: string;
  private readonly audit: AuditLog;
  private readonly team: JobTeam;
  private readonly pending = new Map<string, PendingPlan>();
  private readonly runs = new Map<string, JobRun>();
  private readonly listeners = new Set<(e: JobEngineEvent) => void>();
  private readonly damagedJobs = new Map<string, string>();
  private adminRead: Promise<AdminIdentity> | undefined;
  private loaded = false;

  constructor(private readonly o: JobsOptions) {
    this.clock = o.clock ?? systemClock;
    JobJournal.adoptLegacyDir(o.dataDir, o.teamId);
    this.jobsDir = JobJournal.jobsDir(o.dataDir, o.teamId);
    this.audit = AuditLog.open(o.dataDir, o.teamId);
    const directory = o.directory;
    this.team = {
      teamId: o.teamId,
      client: o.client,
      admin: () => this.admin(),
      cachedMembers: () => directory?.current()?.members ?? null,
    };
  }

  /** The audit log this engine writes. */
  get auditLog(): AuditLog {
    return this.audit;
  }

  on(listener: (e: JobEngineEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Plans a change: validates every item, reads what the rules need, sends nothing. */
  async plan(request: unknown): Promise<JobPlan> {
    const parsed = jobRequestSchema.safeParse(request);
    if (!parsed.success) throw new AppError('invalid_argument', `The change request is not valid: ${firstIssueSentence(parsed.error)}`);
    const kind = this.o.kinds.get(parsed.data.kind);
    if (!kind) throw new AppError('unknown_action', `Teamkeeper has no action called "${parsed.data.kind.slice(0, 64)}".`);
    const valid: Array<{ index: number; input: unknown }> = [];
    const invalid: PlanItem[] = [];
    parsed.data.items.forEach((raw, index) => {
      const r = kind.params.safeParse(raw);
      if (r.success) valid.push({ index, input: r.data });
      else invalid.push({ index, input: raw, status: 'blocked', calls: [], consequences: [], problems: [firstIssueSentence(r.error)], irreversible: false });
    });
    const [admin, planned] = await Promise.all([this.admin(), valid.length ? kind.plan(this.team, valid) : Promise.resolve([])]);
    const items = [...planned, ...invalid].sort((a, b) => a.index - b.index);
    const counts = { ready: 0, skip: 0, blocked: 0 };
    for (const it of items) counts[it.status]++;
    const jobId = newJobId(this.clock.now());
    const plan: JobPlan = { jobId, kind: kind.kind, label: kind.label, irreversible: kind.irreversible, items, counts, confirmation: confirmationOf(kind, items, counts.ready) };
    this.pending.set(jobId, { plan, kind, admin });
    // Plans the admin walked away from are dropped, oldest first (a Map keeps insertion order).
    for (const old of this.pending.keys()) {
      if (this.pending.size <= MAX_OPEN_PLANS) break;
      this.pending.delete(old);
    }
    return plan;
  }

  /** Starts a planned job once the admin typed what the plan asked for. */
  async start(jobId: string, confirmation?: string): Promise<JobSummary> {
    const pending = this.pending.get(jobId);
    if (!pending) throw new AppError('unknown_job', 'That plan is no longer open: plan the change again.');
    const want = pending.plan.confirmation;
    if (want && !confirmationMatches(confirmation, want.text)) {
      throw new AppError('confirmation_mismatch', `${want.prompt} Nothing was sent.`);
    }
    this.pending.delete(jobId);
    const stored: StoredPlan = {
      version: 1,
      jobId,
      kind: pending.kind.kind,
      teamId: this.o.teamId,
      admin: pending.admin,
      createdAt: new Date(this.clock.now()).toISOString(),
      total: pending.plan.items.length,
    };
    const journal = await JobJournal.create(this.jobsDir, stored, pending.plan.items);
    const run = new JobRun(stored, arrayItems(pending.plan.items), this.deps(pending.kind, journal));
    this.runs.set(jobId, run);
    await run.start();
    return this.summary(run);
  }

  async pause(jobId: string): Promise<JobSummary> {
    const run = this.run(jobId);
    await run.pause();
    return this.summary(run);
  }

  /** Runs a paused or interrupted job again (items in doubt are checked first). */
  async resume(jobId: string): Promise<JobSummary> {
    const run = this.run(jobId);
    if (!run.resumable) throw new AppError('not_resumable', `This job is ${run.state} and has nothing left to run.`);
    await run.resume();
    return this.summary(run);
  }

  async cancel(jobId: string): Promise<JobSummary> {
    const run = this.run(jobId);
    await run.cancel();
    return this.summary(run);
  }

  /** Whether this engine has the job (a plan awaiting confirmation, or a job on disk). */
  has(jobId: string): boolean {
    this.loadFromDisk();
    return this.pending.has(jobId) || this.runs.has(jobId);
  }

  /** Every job of this team on disk, newest first; unfinished ones from before a restart are "interrupted". */
  list(): JobSummary[] {
    this.loadFromDisk();
    return [...this.runs.values()].map((r) => this.summary(r)).reverse();
  }

  /**
   * Job folders on disk that could not be read back, with why: listed so the
   * admin hears of them (a job may have changed members), never silently dropped.
   */
  damaged(): Array<{ jobId: string; reason: string }> {
    this.loadFromDisk();
    return [...this.damagedJobs].map(([jobId, reason]) => ({ jobId, reason }));
  }

  /** A page of one job's items with their outcomes. */
  items(arg: unknown): JobItemsPage {
    const parsed = itemsPageArgSchema.safeParse(arg);
    if (!parsed.success) throw new AppError('invalid_argument', firstIssueSentence(parsed.error));
    const run = this.run(parsed.data.jobId);
    const { offset, limit, outcome } = parsed.data;
    const result = (i: number): ItemResult => {
      const item = run.items.get(i);
      return { index: item.index, input: item.input, ...(item.member ? { member: item.member } : {}), outcome: run.results[i] ?? { outcome: 'pending' } };
    };
    const items: ItemResult[] = [];
    if (!outcome) {
      for (let i = offset; i < Math.min(run.items.length, offset + limit); i++) items.push(result(i));
      return { total: run.items.length, items };
    }
    // Filtered: counted over the outcomes held in memory, and only the page's items read.
    let total = 0;
    for (let i = 0; i < run.items.length; i++) {
      if ((run.results[i]?.outcome ?? 'pending') !== outcome) continue;
      if (total >= offset && items.length < limit) items.push(result(i));
      total++;
    }
    return { total, items };
  }

  /** The job's results as CSV: input, outcome, reason, Dropbox request id. */
  exportResults(jobId: string, out: Writable): Promise<CsvWriteResult> {
    const run = this.run(jobId);
    function* rows(): Generator<string[]> {
      for (let i = 0; i < run.items.length; i++) {
        const item = run.items.get(i);
        const r = run.results[i];
        const reason = !r ? '' : r.outcome === 'skipped' ? r.reason : r.outcome === 'failed' || r.outcome === 'unconfirmed' ? r.message : (r.detail ?? '');
        yield [String(item.index + 1), item.member?.email ?? '', JSON.stringify(item.input), r?.outcome ?? 'not run', reason, r && r.outcome === 'failed' ? (r.tag ?? '') : '', r?.requestId ?? ''];
      }
    }
    return writeCsv(['item', 'member', 'input', 'outcome', 'reason', 'dropbox tag', 'request id'], rows(), out);
  }

  /** Resolves when the job's current run stops (finished, paused, cancelled). */
  whenStopped(jobId: string): Promise<void> {
    return this.run(jobId).whenStopped();
  }

  /**
   * Pauses every running job, durably, with the reason the admin will read
   * (the team was disconnected): what was sent gets its answer for at most
   * `graceMs`, then is cut off and left in doubt, checked on resume. Then closes.
   */
  async pauseAndClose(why: string, graceMs: number): Promise<void> {
    const paused = Promise.all([...this.runs.values()].map((r) => r.pause(why)));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([paused, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    await this.close();
  }

  /** Stops every running job (sent items finish or end in doubt) and closes the files. */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((r) => r.abort()));
    await this.audit.close();
  }

  private run(jobId: string): JobRun {
    this.loadFromDisk();
    const run = this.runs.get(jobId);
    if (!run) throw new AppError('unknown_job', 'There is no job with that id on this team.');
    return run;
  }

  private loadFromDisk(): void {
    if (this.loaded) return;
    this.loaded = true;
    for (const id of JobJournal.listIds(this.jobsDir)) {
      if (this.runs.has(id)) continue;
      // A folder without a plan was never started (the plan is written last, before anything is sent).
      if (!JobJournal.hasPlan(this.jobsDir, id)) continue;
      try {
        const { journal, replayed } = JobJournal.open(this.jobsDir, id);
        const kind = this.o.kinds.get(replayed.plan.kind);
        if (!kind) {
          this.damagedJobs.set(id, `This version of Teamkeeper does not know the action "${String(replayed.plan.kind).slice(0, 64)}".`);
          continue;
        }
        this.runs.set(id, new JobRun(replayed.plan, replayed.planItems, this.deps(kind, journal), replayed));
      } catch (err) {
        this.damagedJobs.set(id, damageOf(err));
      }
    }
  }

  private deps(kind: JobKind<unknown>, journal: JobJournal) {
    const directory = this.o.directory;
    return {
      team: this.team,
      kind,
      journal,
      audit: this.audit,
      clock: this.clock,
      concurrency: this.o.concurrency ?? 8,
      emit: (e: JobEngineEvent) => this.emit(e),
      membersChanged: directory?.applyMemberChanges ? (ids: string[]) => directory.applyMemberChanges!(ids) : undefined,
    };
  }

  private summary(run: JobRun): JobSummary {
    const kind = this.o.kinds.get(run.plan.kind);
    return {
      jobId: run.jobId,
      kind: run.plan.kind,
      label: kind?.label ?? run.plan.kind,
      state: run.state,
      resumable: run.resumable,
      ...(run.state === 'paused' && run.stoppedBecause ? { pausedBecause: run.stoppedBecause } : {}),
      createdAt: run.plan.createdAt,
      irreversible: kind?.irreversible ?? false,
      progress: run.progress(),
    };
  }

  private emit(e: JobEngineEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch (err) {
        this.o.onListenerError?.(err);
      }
    }
  }

  private admin(): Promise<AdminIdentity> {
    this.adminRead ??= this.o.client
      .call('team/token/get_authenticated_admin', 'read', (dbx, o) => dbx.teamTokenGetAuthenticatedAdmin(o))
      .then((r) => ({ teamMemberId: r.admin_profile.team_member_id, email: r.admin_profile.email }))
      .catch((err: unknown) => {
        this.adminRead = undefined;
        throw err;
      });
    return this.adminRead;
  }
}

/** Why a job folder could not be read, in our own words (a parser's message may quote the file). */
function damageOf(err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  if (/^Line \d+ of journal\.jsonl is not valid JSON$/.test(message)) return `Its journal is damaged: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`;
  if (err instanceof SyntaxError) return 'Its plan file is damaged and cannot be read.';
  if (/items on disk$/.test(message)) return 'Some of its planned items are missing from disk.';
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return `Its files could not be read${typeof code === 'string' ? ` (${code})` : ''}.`;
}

/** Many items: type the count; one destructive item: type the member's email. */
function confirmationOf(kind: JobKind<unknown>, items: PlanItem[], ready: number): JobPlan['confirmation'] {
  if (ready > 1) return { text: String(ready), prompt: `Type ${ready} to confirm ${ready} changes.` };
  const only = items.find((i) => i.status === 'ready') as PlannedItem<unknown> | undefined;
  if (ready === 1 && kind.confirmByEmail && only?.member) return { text: only.member.email, prompt: `Type ${only.member.email} to confirm.` };
  return null;
}
