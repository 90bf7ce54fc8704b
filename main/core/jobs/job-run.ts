import type { AuditLog } from '../audit/audit-log.js';
import { toAppError } from '../dropbox/errors.js';
import type { AppError } from '../errors.js';
import type { Clock } from '../dropbox/scheduler/clock.js';
import type { JobKind, JobTeam, PlannedItem } from './job-kind.js';
import type { ItemList } from './item-list.js';
import type { JobJournal, StoredPlan } from './journal.js';
import { requestIdOf } from './tracked-call.js';
import type { ItemOutcome, JobEngineEvent, JobProgress, JobState } from '../../../preload/contract/jobs.js';

export interface JobRunDeps {
  team: JobTeam;
  kind: JobKind<unknown>;
  journal: JobJournal;
  audit: AuditLog;
  clock: Clock;
  emit(event: JobEngineEvent): void;
  /** Re-reads changed members into the directory; resolves with what changed. */
  membersChanged?(ids: string[]): Promise<{ upserted: string[]; removed: string[] }>;
  concurrency: number;
}

/** Codes after which Dropbox may have applied the write: checked, never blindly resent. */
const IN_DOUBT_CODES = new Set(['unconfirmed', 'network', 'dropbox_unavailable']);

/** An item's failure as an outcome: in doubt when Dropbox may have applied it, failed otherwise. */
export function outcomeOfError(err: unknown): Extract<ItemOutcome, { outcome: 'failed' | 'unconfirmed' }> {
  const requestId = requestIdOf(err);
  const e = toAppError(err);
  if (IN_DOUBT_CODES.has(e.code) || e.mayHaveApplied) return { outcome: 'unconfirmed', message: e.message, ...(requestId ? { requestId } : {}) };
  return { outcome: 'failed', message: e.message, ...(e.dropboxTag ? { tag: e.dropboxTag } : {}), ...(requestId ? { requestId } : {}) };
}

/**
 * Why the job must pause when Dropbox refused a call for the team as a whole:
 * its sign-in (revoked, expired for good) or a permission its app key lacks.
 * Neither ran the call, and neither is fixed by trying the next item.
 */
function teamRefusal(e: AppError): string | undefined {
  if (e.code === 'needs_reauth') return "Paused: Dropbox no longer accepts this team's sign-in. Sign in to the team again, then resume the job.";
  if (e.code === 'missing_scope') return `Paused: ${e.message} Then resume the job.`;
  return undefined;
}

/** job.progress at most this often per job (the last one, when the job stops, always goes). */
export const PROGRESS_EVERY_MS = 250;
/**
 * A job of at most this many items announces every item as job.item; a
 * bigger one only its failed and unconfirmed items. Either way at most this
 * many per run of the job: a 50,000-item job that fails item after item must
 * not flood the event stream. The rest is read with getJobItems.
 */
export const ITEM_EVENTS_MAX = 100;
/** An item left in doubt mid-run is checked again after this pause, at most MAX_RECHECKS times, before it is left unconfirmed. */
const RECHECK_DELAY_MS = 1000;
const MAX_RECHECKS = 2;
const DIRECTORY_FLUSH_MS = 250;

/**
 * One job's items and their run: the in-memory state replayed from (and
 * written to) its journal, the worker pool, pause / resume / cancel.
 *
 * Crash safety: items are claimed in small batches whose intent is on disk
 * before any of them is sent; the outcome is appended after. On the next
 * start, an item with an intent and no outcome is in doubt: its async job is
 * polled if one was journalled, otherwise the kind's verify reads Dropbox,
 * and the item is sent again only when the read proves it was not applied.
 */
export class JobRun {
  state: JobState;
  readonly items: ItemList;
  readonly results: Array<ItemOutcome | undefined>;
  private readonly inDoubt = new Set<number>();
  private readonly asyncIds = new Map<number, string>();
  private readonly rechecks = new Map<number, number>();
  private queue: number[] = [];
  private toVerify: number[] = [];
  private claimed: number[] = [];
  private claiming: Promise<void> | undefined;
  private writes = new Set<Promise<unknown>>();
  private writeError: unknown;
  private running: Promise<void> | undefined;
  private controller = new AbortController();
  private startedAt = 0;
  private finishedThisRun = 0;
  private lastProgressAt = 0;
  /** The end of the last Retry-After wait announced (see waitingFor). */
  private announcedWait = 0;
  private itemEvents = 0;
  private changed = new Set<string>();
  /** Why Teamkeeper paused the job itself (not the admin), until it runs again. */
  stoppedBecause: string | undefined;
  private flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly plan: StoredPlan,
    items: ItemList,
    private readonly d: JobRunDeps,
    replay?: { items: Array<{ outcome?: ItemOutcome; inDoubt: boolean; asyncJobId?: string }>; lastState: JobState; lastWhy?: string },
  ) {
    this.items = items;
    this.results = Array.from({ length: items.length }, (_, i) => replay?.items[i].outcome);
    if (replay) {
      replay.items.forEach((r, i) => {
        if (r.inDoubt || r.outcome?.outcome === 'unconfirmed') this.inDoubt.add(i);
        if (r.asyncJobId) this.asyncIds.set(i, r.asyncJobId);
      });
      const crashed = replay.lastState === 'running' || replay.lastState === 'pausing' || replay.lastState === 'cancelling';
      this.state = crashed ? 'interrupted' : replay.lastState;
      if (this.state === 'paused') this.stoppedBecause = replay.lastWhy;
    } else {
      this.state = 'planned';
    }
  }

  private item(i: number): PlannedItem<unknown> {
    return this.items.get(i) as PlannedItem<unknown>;
  }

  get jobId(): string {
    return this.plan.jobId;
  }

  /** Whether resume() has anything to do. */
  get resumable(): boolean {
    if (this.state === 'running' || this.state === 'pausing' || this.state === 'cancelling') return false;
    if (this.state === 'finished' || this.state === 'cancelled') return this.inDoubt.size > 0;
    return true;
  }

  progress(): JobProgress {
    let done = 0;
    let failed = 0;
    let skipped = 0;
    let unconfirmed = 0;
    for (const r of this.results) {
      if (!r) continue;
      if (r.outcome === 'done') done++;
      else if (r.outcome === 'failed') failed++;
      else if (r.outcome === 'skipped') skipped++;
      else unconfirmed++;
    }
    const total = this.items.length;
    const pending = total - done - failed - skipped - unconfirmed;
    const elapsed = this.startedAt ? (this.d.clock.now() - this.startedAt) / 1000 : 0;
    const ratePerSecond = elapsed > 0 ? this.finishedThisRun / elapsed : 0;
    return {
      total,
      done,
      failed,
      skipped,
      unconfirmed,
      pending,
      ratePerSecond,
      secondsLeft: ratePerSecond > 0 ? (pending + unconfirmed) / ratePerSecond : null,
      waitingUntil: this.d.team.client.scheduler.waitingUntil(),
    };
  }

  /** First start: skips and blocked items get their outcome at once, the rest are queued. */
  async start(): Promise<void> {
    this.itemEvents = 0;
    this.setState('running');
    await this.journalWrite({ e: 'state', state: 'running', at: this.d.clock.now() });
    for (let i = 0; i < this.items.length; i++) {
      const item = this.items.get(i);
      if (item.status === 'skip') this.record(i, { outcome: 'skipped', reason: item.skipReason ?? 'Already as wanted.' });
      else if (item.status === 'blocked') this.record(i, { outcome: 'failed', tag: 'preflight', message: item.problems.join(' ') });
      else this.queue.push(i);
    }
    this.launch();
  }

  /** Runs again after a pause, a cancel, a finish with items in doubt, or a crash. */
  async resume(): Promise<void> {
    if (!this.resumable) return;
    this.toVerify = [...this.inDoubt];
    this.queue = [];
    this.results.forEach((r, i) => {
      if (r === undefined && !this.inDoubt.has(i)) this.queue.push(i);
    });
    this.claimed = [];
    this.controller = new AbortController();
    this.itemEvents = 0;
    this.setState('running');
    await this.journalWrite({ e: 'state', state: 'running', at: this.d.clock.now() });
    this.launch();
  }

  /**
   * Stops starting items; those already sent finish. Resolves when the job is
   * paused. `why`: Teamkeeper pauses it on its own (a refused sign-in, a
   * disconnect), said in the job's summary and journalled with the pause.
   */
  async pause(why?: string): Promise<void> {
    if (this.state !== 'running') return;
    this.stoppedBecause = why;
    this.setState('pausing');
    await this.running;
  }

  /** Stops starting items for good (pending ones stay unrun); those already sent finish. */
  async cancel(): Promise<void> {
    if (this.state === 'running') {
      this.setState('cancelling');
      await this.running;
    } else if (this.state === 'paused' || this.state === 'interrupted' || this.state === 'planned') {
      this.setState('cancelled');
      await this.journalWrite({ e: 'state', state: 'cancelled', at: this.d.clock.now() });
    }
  }

  /** Aborts everything in flight (app shutdown): in-flight items end in doubt, resolved on the next start. */
  async abort(): Promise<void> {
    this.controller.abort(new Error('Teamkeeper is closing'));
    if (this.state === 'running') this.setState('pausing');
    await this.running?.catch(() => undefined);
  }

  /** Resolves when the current run (if any) has stopped. */
  whenStopped(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  private launch(): void {
    this.startedAt = this.d.clock.now();
    this.finishedThisRun = 0;
    const stopWatching = this.d.team.client.scheduler.onRateLimited((e) => this.waitingFor(e.until));
    const workers = Array.from({ length: Math.max(1, this.d.concurrency) }, () => this.worker());
    this.running = Promise.all(workers)
      .then(() => this.settle())
      .catch((err: unknown) => {
        this.writeError ??= err;
        return this.settle();
      })
      .finally(stopWatching);
  }

  /**
   * Dropbox asked for a wait (a 429's Retry-After): said at once, since no
   * item finishes during it and the last progress would otherwise stand for
   * the whole wait. Once per new end of the wait, not once per refused call.
   */
  private waitingFor(until: number): void {
    if (this.state !== 'running' || until <= this.announcedWait) return;
    this.announcedWait = until;
    this.lastProgressAt = this.d.clock.now();
    this.d.emit({ type: 'job.progress', jobId: this.jobId, progress: this.progress() });
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.state !== 'running' || this.writeError) return;
      const verifying = this.toVerify.shift();
      if (verifying !== undefined) {
        await this.checkInDoubt(verifying);
        continue;
      }
      const i = await this.claim();
      if (i === undefined) return;
      await this.send(i);
    }
  }

  /**
   * The next item whose intent is on disk. Intents are claimed in batches (one
   * fsync for many items), and the next batch is claimed while the current one
   * is still being sent, so workers never stall on the disk at a batch boundary.
   */
  private async claim(): Promise<number | undefined> {
    for (;;) {
      if (this.state !== 'running' || this.writeError) return undefined;
      const next = this.claimed.shift();
      if (next !== undefined) {
        if (this.claimed.length < this.d.concurrency) this.claimAhead();
        return next;
      }
      if (this.queue.length === 0 && !this.claiming) return undefined;
      this.claimAhead();
      await this.claiming;
    }
  }

  private claimAhead(): void {
    if (this.claiming || this.queue.length === 0 || this.state !== 'running') return;
    const batch = this.queue.splice(0, Math.max(1, this.d.concurrency));
    this.claiming = this.d.journal
      .append({ e: 'intent', i: batch })
      .then(
        () => {
          for (const i of batch) this.inDoubt.add(i);
          this.claimed.push(...batch);
        },
        (err: unknown) => {
          this.writeError ??= err;
        },
      )
      .finally(() => (this.claiming = undefined));
  }

  private async send(i: number): Promise<void> {
    let outcome: ItemOutcome;
    try {
      outcome = await this.d.kind.run(
        {
          team: this.d.team,
          signal: this.controller.signal,
          asyncJobId: this.asyncIds.get(i),
          noteAsyncJob: async (id) => {
            this.asyncIds.set(i, id);
            await this.journalWrite({ e: 'async', i, id });
          },
        },
        this.item(i),
      );
    } catch (err) {
      const e = toAppError(err);
      const teamRefused = teamRefusal(e);
      if (e.notSent || teamRefused) {
        // Stopped before its write left Teamkeeper, or refused for the sign-in or a permission before
        // Dropbox ran it: nothing happened, so no outcome; settle() releases it with the claimed-but-unsent
        // items and the next run sends it (an async job already journalled is polled, not sent again).
        this.claimed.unshift(i);
        if (teamRefused) this.pauseForTeam(teamRefused);
        return;
      }
      outcome = outcomeOfError(err);
    }
    const rechecked = this.rechecks.get(i) ?? 0;
    if (outcome.outcome === 'unconfirmed' && rechecked < MAX_RECHECKS && !this.controller.signal.aborted) {
      // Read before writing again, after a pause that lets a slow answer land first.
      this.rechecks.set(i, rechecked + 1);
      await this.d.clock.sleep(RECHECK_DELAY_MS, this.controller.signal).catch(() => undefined);
      this.toVerify.push(i);
      return;
    }
    this.record(i, outcome);
  }

  /** An item whose write may have been applied: poll its job, or read before writing again. */
  private async checkInDoubt(i: number): Promise<void> {
    if (this.asyncIds.has(i)) return this.send(i);
    let verdict: 'applied' | 'not_applied';
    try {
      verdict = await this.d.kind.verify(this.d.team, this.item(i));
    } catch (err) {
      const teamRefused = teamRefusal(toAppError(err));
      if (teamRefused) {
        // Still in doubt: checked again when the job resumes with a working sign-in.
        this.pauseForTeam(teamRefused);
        return;
      }
      const o = outcomeOfError(err);
      this.record(i, { outcome: 'unconfirmed', message: `Could not check whether the change was made: ${o.message}` });
      return;
    }
    if (verdict === 'applied') {
      this.record(i, { outcome: 'done', detail: 'Confirmed after an interruption: Dropbox already shows the change.' });
      return;
    }
    // Proven not applied: send again under a fresh intent.
    await this.journalWrite({ e: 'intent', i: [i] });
    await this.send(i);
  }

  /**
   * Dropbox refused the team rather than the item (see teamRefusal): every
   * other item would fail the same way, so the job pauses, durably, instead
   * of failing item after item. It resumes once the team is signed in again.
   */
  private pauseForTeam(why: string): void {
    if (this.state !== 'running') return;
    this.stoppedBecause = why;
    this.setState('pausing');
  }

  private record(i: number, outcome: ItemOutcome): void {
    this.results[i] = outcome;
    if (outcome.outcome === 'unconfirmed') this.inDoubt.add(i);
    else this.inDoubt.delete(i);
    this.finishedThisRun++;
    const item = this.item(i);
    const at = this.d.clock.now();
    const input = item.input as Record<string, unknown> | undefined;
    // Audit first, journal outcome after it: a crash between them leaves the item in doubt, so it is
    // checked and audited again, rather than journalled as done with no audit line.
    const audited = this.d.audit.append({
      time: new Date(at).toISOString(),
      teamId: this.plan.teamId,
      admin: this.plan.admin,
      jobId: this.plan.jobId,
      action: this.plan.kind,
      member: auditMember(item.member, input),
      options: item.status === 'blocked' ? {} : this.d.kind.auditOptions(item.input),
      outcome: outcome.outcome,
      ...(outcome.outcome === 'skipped' ? { reason: outcome.reason } : outcome.outcome === 'failed' || outcome.outcome === 'unconfirmed' ? { reason: outcome.message } : {}),
      ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
      ...(outcome.outcome === 'failed' && outcome.tag ? { errorTag: outcome.tag } : {}),
    });
    this.track(audited.then(() => this.d.journal.append({ e: 'outcome', i, o: outcome, at })));
    if (this.announces(outcome)) {
      this.itemEvents++;
      this.d.emit({ type: 'job.item', jobId: this.jobId, index: i, outcome });
    }
    if (outcome.outcome === 'done' && (outcome.memberId ?? item.member?.id)) this.memberChanged((outcome.memberId ?? item.member?.id)!);
    if (at - this.lastProgressAt >= PROGRESS_EVERY_MS) {
      this.lastProgressAt = at;
      this.d.emit({ type: 'job.progress', jobId: this.jobId, progress: this.progress() });
    }
  }

  /** Whether this outcome goes out as a job.item event (see ITEM_EVENTS_MAX). */
  private announces(outcome: ItemOutcome): boolean {
    if (this.itemEvents >= ITEM_EVENTS_MAX) return false;
    return this.items.length <= ITEM_EVENTS_MAX || outcome.outcome === 'failed' || outcome.outcome === 'unconfirmed';
  }

  private memberChanged(id: string): void {
    if (!this.d.membersChanged) return;
    this.changed.add(id);
    this.flushTimer ??= setTimeout(() => void this.flushMembers(), DIRECTORY_FLUSH_MS);
  }

  private async flushMembers(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const ids = [...this.changed];
    this.changed.clear();
    if (ids.length === 0 || !this.d.membersChanged) return;
    try {
      const delta = await this.d.membersChanged(ids);
      this.d.emit({ type: 'job.members-changed', jobId: this.jobId, ...delta });
    } catch {
      // The directory catches up on its next sync; the job's own results stand.
    }
  }

  /** Journal and audit appends run beside the items; a failed one stops the job (it cannot be trusted). */
  private track(p: Promise<unknown>): void {
    this.writes.add(p);
    p.then(
      () => this.writes.delete(p),
      (err: unknown) => {
        this.writes.delete(p);
        this.writeError ??= err;
      },
    );
  }

  private async journalWrite(record: Parameters<JobJournal['append']>[0]): Promise<void> {
    const p = this.d.journal.append(record);
    this.track(p);
    await p;
  }

  private async settle(): Promise<void> {
    await this.claiming;
    await Promise.allSettled([...this.writes]);
    if (this.claimed.length > 0) {
      // Claimed but never sent: not in doubt.
      const released = this.claimed.splice(0);
      for (const i of released) this.inDoubt.delete(i);
      await this.d.journal.append({ e: 'release', i: released }).catch((err: unknown) => (this.writeError ??= err));
      for (const i of released) this.queue.unshift(i);
    }
    await this.flushMembers();
    let next: JobState;
    if (this.writeError) next = 'interrupted';
    else if (this.state === 'cancelling') next = 'cancelled';
    else if (this.state === 'pausing') next = 'paused';
    else next = 'finished';
    if (next !== 'paused') this.stoppedBecause = undefined;
    const why = this.stoppedBecause;
    if (!this.writeError) await this.d.journal.append({ e: 'state', state: next, at: this.d.clock.now(), ...(why ? { why } : {}) }).catch(() => undefined);
    this.setState(next);
    this.d.emit({ type: 'job.progress', jobId: this.jobId, progress: this.progress() });
  }

  private setState(state: JobState): void {
    this.state = state;
    const why = state === 'paused' || state === 'pausing' ? this.stoppedBecause : undefined;
    this.d.emit({ type: 'job.state', jobId: this.jobId, state, ...(why ? { reason: why } : {}) });
  }
}

/** Who an audit line names: the member as read, else what the item asked for (an invite's email, an unknown member's key). */
function auditMember(member: { id: string; email: string } | undefined, input: Record<string, unknown> | undefined): { id?: string; email?: string } {
  if (member) return { id: member.id, email: member.email };
  const asked = typeof input?.email === 'string' ? input.email : typeof input?.member === 'string' ? input.member : undefined;
  if (asked === undefined) return {};
  return asked.includes('@') ? { email: asked } : { id: asked };
}
