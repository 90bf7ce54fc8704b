import { fullJitterDelay } from './backoff.js';
import { classify, type Failure } from './classify.js';
import { systemClock, type Clock } from './clock.js';
import { AimdLimit } from './concurrency.js';
import { CancelledError, UnconfirmedWriteError } from './errors.js';
import { WritePacer, type PacerOptions } from './write-pacer.js';

export type CallKind = 'read' | 'write';

export interface RunOptions {
  signal?: AbortSignal;
  /**
   * Sending the call twice has the effect of sending it once. Default: true
   * for reads, false for writes. Only idempotent calls are retried after a
   * failure that may have happened after Dropbox applied them (5xx, a
   * connection broken mid-call); others fail with UnconfirmedWriteError.
   */
  idempotent?: boolean;
  /** How long 429s and backoff may delay this call in all, in ms. */
  deadlineMs?: number;
}

export interface SchedulerOptions {
  clock?: Clock;
  /** For the backoff jitter; Math.random by default. */
  random?: () => number;
  /** Concurrency an endpoint starts with. */
  initialConcurrency?: number;
  maxReadConcurrency?: number;
  maxWriteConcurrency?: number;
  /** Attempts of one call that may end in a 5xx or a broken connection (429s do not count). */
  maxAttempts?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Default of RunOptions.deadlineMs. */
  deadlineMs?: number;
  pacing?: Partial<PacerOptions>;
}

export interface EndpointSnapshot {
  endpoint: string;
  kind: CallKind;
  queued: number;
  inFlight: number;
  /** Current concurrency limit. */
  limit: number;
  /** Epoch ms until which a Retry-After holds this endpoint, or null. */
  gatedUntil: number | null;
}

export interface SchedulerSnapshot {
  endpoints: EndpointSnapshot[];
  writes: {
    /** Epoch ms until which too_many_write_operations holds every write, or null. */
    gatedUntil: number | null;
    /** Learned team write rate (per second) writes are spread at, or null while unpaced. */
    pacedRate: number | null;
  };
}

export interface RateLimitEvent {
  endpoint: string;
  /** `team-writes`: too_many_write_operations, which holds every write endpoint. */
  scope: 'endpoint' | 'team-writes';
  retryAfterMs: number;
  /** Epoch ms. */
  until: number;
}

const DEFAULTS = {
  initialConcurrency: 2,
  maxReadConcurrency: 16,
  maxWriteConcurrency: 8,
  maxAttempts: 5,
  backoffBaseMs: 500,
  backoffCapMs: 20_000,
  deadlineMs: 10 * 60_000,
};

const DEFAULT_PACING: PacerOptions = { backoff: 0.03, probe: 0.005, maxSampleMs: 60_000 };

/** Dropbox always sends Retry-After with a 429; this covers a proxy that strips it. */
const MISSING_RETRY_AFTER_MS = 1000;

interface Slot {
  /** AimdLimit's number for this attempt. */
  attempt: number;
  /** WritePacer's number, for writes. */
  ticket: number | undefined;
  sentAt: number;
}

interface Waiter {
  seq: number;
  go(slot: Slot): void;
}

interface Endpoint {
  name: string;
  kind: CallKind;
  limit: AimdLimit;
  inFlight: number;
  /** Retry-After of this endpoint: nothing is sent before this time. */
  openAt: number;
  /** Sorted by seq: a retry goes back to where its call first stood. */
  queue: Waiter[];
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown; failure: Failure };

/**
 * Every Dropbox call of one connection (one team) goes through here.
 *
 * - Per endpoint: a FIFO queue, an AIMD concurrency limit, and a gate that
 *   holds calls until a 429's Retry-After has passed. too_many_write_operations
 *   gates every write endpoint, since Dropbox's write limit is per team; after
 *   the first one, writes are paced at a learned rate (see WritePacer).
 * - 429: the call is sent again once the gate opens, as often as needed until
 *   its deadline; Dropbox did not apply it, so this holds for writes too.
 * - 5xx and broken connections: full-jitter exponential backoff, at most
 *   `maxAttempts` attempts; retried only when idempotent or provably never
 *   sent, otherwise UnconfirmedWriteError. Other errors (400, 401, 403, 409)
 *   go back to the caller at once, untouched.
 * - The signal cancels a queued call (never sent) or an in-flight one (handed
 *   to `call`); either way run() rejects with CancelledError.
 */
export class RequestScheduler {
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly o: typeof DEFAULTS;
  private readonly endpoints = new Map<string, Endpoint>();
  private readonly pacer: WritePacer;
  private readonly listeners = new Set<(e: RateLimitEvent) => void>();
  private writesOpenAt = 0;
  private nextSeq = 0;
  private wake: { at: number; controller: AbortController } | undefined;

  constructor(options: SchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.o = {
      initialConcurrency: options.initialConcurrency ?? DEFAULTS.initialConcurrency,
      maxReadConcurrency: options.maxReadConcurrency ?? DEFAULTS.maxReadConcurrency,
      maxWriteConcurrency: options.maxWriteConcurrency ?? DEFAULTS.maxWriteConcurrency,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      backoffBaseMs: options.backoffBaseMs ?? DEFAULTS.backoffBaseMs,
      backoffCapMs: options.backoffCapMs ?? DEFAULTS.backoffCapMs,
      deadlineMs: options.deadlineMs ?? DEFAULTS.deadlineMs,
    };
    this.pacer = new WritePacer({ ...DEFAULT_PACING, ...options.pacing });
  }

  /**
   * Runs `call` under the rules above. `endpoint` is the route path
   * ("team/members/list_v2"); one endpoint is always the same kind.
   */
  async run<T>(endpoint: string, kind: CallKind, call: (signal: AbortSignal) => Promise<T>, opts: RunOptions = {}): Promise<T> {
    const ep = this.endpointFor(endpoint, kind);
    const signal = opts.signal ?? new AbortController().signal;
    const idempotent = opts.idempotent ?? kind === 'read';
    const deadline = this.clock.now() + (opts.deadlineMs ?? this.o.deadlineMs);
    const seq = this.nextSeq++;
    let failures = 0;
    for (;;) {
      const slot = await this.acquire(ep, seq, signal);
      const outcome = await this.attempt(ep, slot, call, signal);
      if (signal.aborted) throw new CancelledError(true, { cause: signal.reason });
      if (outcome.ok) return outcome.value;
      const { failure, error } = outcome;
      if (failure.type === 'final') throw error;
      const now = this.clock.now();
      if (failure.type === 'rate-limited') {
        // The gate set in release() holds the retry until Retry-After has passed.
        if (now + (failure.retryAfterMs ?? MISSING_RETRY_AFTER_MS) > deadline) throw error;
        continue;
      }
      if (failure.maybeApplied && !idempotent) throw new UnconfirmedWriteError(endpoint, error);
      if (++failures >= this.o.maxAttempts) throw error;
      const delay = Math.max(failure.retryAfterMs ?? 0, fullJitterDelay(failures, this.o.backoffBaseMs, this.o.backoffCapMs, this.random));
      if (now + delay > deadline) throw error;
      try {
        await this.clock.sleep(delay, signal);
      } catch {
        throw new CancelledError(false, { cause: signal.reason });
      }
    }
  }

  /** For the UI: what waits, what runs, and what holds it back. */
  snapshot(): SchedulerSnapshot {
    const now = this.clock.now();
    const gate = (at: number) => (at > now ? at : null);
    return {
      endpoints: [...this.endpoints.values()].map((ep) => ({
        endpoint: ep.name,
        kind: ep.kind,
        queued: ep.queue.length,
        inFlight: ep.inFlight,
        limit: ep.limit.limit,
        gatedUntil: gate(ep.openAt),
      })),
      writes: { gatedUntil: gate(this.writesOpenAt), pacedRate: this.pacer.pacedRate ?? null },
    };
  }

  /**
   * Epoch ms until which Dropbox's Retry-After holds calls, or null when
   * nothing holds them: for one endpoint (a write also waits for the team's
   * write gate), or the latest gate of any endpoint when none is named. For
   * progress displays: "waiting for Dropbox until 12:03".
   */
  waitingUntil(endpoint?: string): number | null {
    const now = this.clock.now();
    let until = 0;
    if (endpoint === undefined) {
      until = this.writesOpenAt;
      for (const ep of this.endpoints.values()) until = Math.max(until, ep.openAt);
    } else {
      const ep = this.endpoints.get(endpoint);
      if (ep) until = ep.kind === 'write' ? Math.max(ep.openAt, this.writesOpenAt) : ep.openAt;
    }
    return until > now ? until : null;
  }

  /** Called on every 429; returns the unsubscribe function. */
  onRateLimited(listener: (e: RateLimitEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private endpointFor(name: string, kind: CallKind): Endpoint {
    let ep = this.endpoints.get(name);
    if (!ep) {
      const max = kind === 'write' ? this.o.maxWriteConcurrency : this.o.maxReadConcurrency;
      ep = { name, kind, limit: new AimdLimit(this.o.initialConcurrency, max), inFlight: 0, openAt: 0, queue: [] };
      this.endpoints.set(name, ep);
    } else if (ep.kind !== kind) {
      throw new TypeError(`${name} is scheduled as a ${ep.kind}, not a ${kind}`);
    }
    return ep;
  }

  private acquire(ep: Endpoint, seq: number, signal: AbortSignal): Promise<Slot> {
    if (signal.aborted) return Promise.reject(new CancelledError(false, { cause: signal.reason }));
    return new Promise<Slot>((resolve, reject) => {
      const onAbort = () => {
        const at = ep.queue.indexOf(waiter);
        if (at >= 0) ep.queue.splice(at, 1);
        reject(new CancelledError(false, { cause: signal.reason }));
      };
      const waiter: Waiter = {
        seq,
        go: (slot) => {
          signal.removeEventListener('abort', onAbort);
          resolve(slot);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      let at = ep.queue.length;
      while (at > 0 && ep.queue[at - 1].seq > seq) at--;
      ep.queue.splice(at, 0, waiter);
      this.pump();
    });
  }

  /**
   * Sends once. The slot is given back when `call` settles, even if the caller
   * stopped waiting: an abandoned request still occupies Dropbox.
   */
  private attempt<T>(ep: Endpoint, slot: Slot, call: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<Outcome<T>> {
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(call(signal));
    } catch (err) {
      pending = Promise.reject(err);
    }
    const settled = pending.then(
      (value): Outcome<T> => {
        this.release(ep, slot, undefined, signal);
        return { ok: true, value };
      },
      (error: unknown): Outcome<T> => ({ ok: false, error, failure: this.release(ep, slot, error, signal) }),
    );
    if (signal.aborted) return settled;
    return new Promise<Outcome<T>>((resolve, reject) => {
      const onAbort = () => reject(new CancelledError(true, { cause: signal.reason }));
      signal.addEventListener('abort', onAbort, { once: true });
      void settled.then((o) => {
        signal.removeEventListener('abort', onAbort);
        resolve(o);
      });
    });
  }

  /** Frees the slot and learns from the answer. */
  private release(ep: Endpoint, slot: Slot, error: unknown, signal: AbortSignal): Failure {
    ep.inFlight--;
    // An answer of any kind, 409 included, shows the endpoint keeping up.
    let failure: Failure = { type: 'final' };
    if (error === undefined) {
      ep.limit.succeeded(slot.attempt);
      if (slot.ticket !== undefined) this.pacer.succeeded();
    } else if (!signal.aborted) {
      failure = classify(error);
      if (failure.type === 'rate-limited') this.throttled(ep, slot, failure);
      else if (failure.type === 'transient') ep.limit.failed();
      else ep.limit.succeeded(slot.attempt);
    }
    this.pump();
    return failure;
  }

  private throttled(ep: Endpoint, slot: Slot, failure: Extract<Failure, { type: 'rate-limited' }>): void {
    const now = this.clock.now();
    const retryAfterMs = failure.retryAfterMs ?? MISSING_RETRY_AFTER_MS;
    const until = now + retryAfterMs;
    ep.limit.throttled(slot.attempt);
    ep.openAt = Math.max(ep.openAt, until);
    if (failure.teamWrites) {
      this.writesOpenAt = Math.max(this.writesOpenAt, until);
      if (slot.ticket !== undefined) this.pacer.throttled(slot.ticket, slot.sentAt);
    }
    const event: RateLimitEvent = { endpoint: ep.name, scope: failure.teamWrites ? 'team-writes' : 'endpoint', retryAfterMs, until };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // An observer must not break the calls it watches.
      }
    }
  }

  private readyAt(ep: Endpoint): number {
    return ep.kind === 'write' ? Math.max(ep.openAt, this.writesOpenAt, this.pacer.readyAt()) : ep.openAt;
  }

  /** Starts every call that may go now, oldest first across endpoints, then sleeps until the next may. */
  private pump(): void {
    const now = this.clock.now();
    for (;;) {
      let best: Endpoint | undefined;
      for (const ep of this.endpoints.values()) {
        const head = ep.queue[0];
        if (!head || ep.inFlight >= ep.limit.limit || this.readyAt(ep) > now) continue;
        if (!best || head.seq < best.queue[0].seq) best = ep;
      }
      if (!best) break;
      const waiter = best.queue.shift()!;
      best.inFlight++;
      waiter.go({ attempt: best.limit.start(), ticket: best.kind === 'write' ? this.pacer.send(now) : undefined, sentAt: now });
    }
    this.scheduleWake(now);
  }

  private scheduleWake(now: number): void {
    let next = Infinity;
    for (const ep of this.endpoints.values()) {
      if (ep.queue.length === 0 || ep.inFlight >= ep.limit.limit) continue;
      const at = this.readyAt(ep);
      if (at > now) next = Math.min(next, at);
    }
    if (next === Infinity || (this.wake && this.wake.at <= next)) return;
    this.wake?.controller.abort();
    const controller = new AbortController();
    this.wake = { at: next, controller };
    this.clock.sleep(next - now, controller.signal).then(
      () => {
        if (this.wake?.controller === controller) this.wake = undefined;
        this.pump();
      },
      () => {},
    );
  }
}
