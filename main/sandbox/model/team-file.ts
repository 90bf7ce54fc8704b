import { closeSync, fdatasync, fsyncSync, openSync, readdirSync, readFileSync, rmSync, writeSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SandboxState } from './types.js';
import { applyChange, finishReplay, replayIndex, type ChangeRecord, type ReplayIndex } from './change-record.js';
import { readSnapshot, writeSnapshotInBackground, writeSnapshotSync } from './snapshot.js';

export interface TeamFileOptions {
  /** Start a background compaction once the change log holds this many bytes. */
  compactBytes: number;
  /** How soon appended lines are fsynced (the answer never waits for it). */
  syncDelayMs: number;
}

const DEFAULTS: TeamFileOptions = { compactBytes: 8 * 1024 * 1024, syncDelayMs: 100 };

/**
 * The saved team behind `--state FILE`: FILE is a snapshot (snapshot.ts) and
 * FILE.log.N are change logs, one JSON line per acknowledged write
 * (change-record.ts). Loading reads the snapshot and replays the logs from
 * its `logGen` on.
 *
 * What "acknowledged" means: a write's line is written to the log with a
 * write(2) before the HTTP answer is sent, so it is in the operating
 * system's file cache and survives the sandbox being killed at any moment
 * (SIGKILL included). Lines are fsynced within syncDelayMs, off the request
 * path, so a power cut can lose at most that much.
 *
 * Compaction starts a new log generation, writes a snapshot of the live
 * state in the background, renames it over FILE and only then deletes the
 * older logs. A kill mid-way leaves the old snapshot and every log it needs.
 * A torn last line (a kill mid-write, so never acknowledged) is ignored.
 */
export class TeamFile {
  private gen = 0;
  private fd: number | undefined;
  private logBytes = 0;
  private dirty = false;
  private syncTimer: NodeJS.Timeout | undefined;
  private running: Promise<boolean> | undefined;
  /** Bumped to abandon a background compaction (a whole save or close overtook it). */
  private epoch = 0;
  private readonly options: TeamFileOptions;
  /** The last background compaction failure, kept for tests and the log. */
  lastError: unknown;

  constructor(
    readonly file: string,
    private readonly state: () => SandboxState,
    options: Partial<TeamFileOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * The saved team with its logs replayed, or undefined when FILE does not
   * exist yet. `upgrade` is true when FILE is in an older format, which the
   * next save replaces.
   */
  load(): { state: SandboxState; replayed: number; upgrade: boolean } | undefined {
    const snap = readSnapshot(this.file);
    if (!snap) return undefined;
    const { state, logGen: from } = snap;
    this.removeStaleTemps();
    // Built only when there is something to replay: a clean save needs no index.
    let idx: ReplayIndex | undefined;
    let replayed = 0;
    let last = from - 1;
    for (const gen of this.logGens()) {
      // Logs older than the snapshot were folded into it; a kill stopped their deletion.
      if (gen < from) {
        rmSync(this.logPath(gen), { force: true });
        continue;
      }
      for (const change of readLog(this.logPath(gen))) {
        idx ??= replayIndex(state);
        applyChange(state, idx, change);
        replayed++;
      }
      last = gen;
    }
    if (idx) finishReplay(idx);
    // Never append to a log that may end in a torn line: start the next generation.
    this.openLog(Math.max(from, last + 1));
    return { state, replayed, upgrade: snap.version !== 2 };
  }

  /** Appends one write's change; returns once it is in the file (see the class comment). */
  append(change: ChangeRecord): void {
    if (this.fd === undefined) throw new Error('The sandbox team file is closed');
    const line = Buffer.from(`${JSON.stringify(change)}\n`);
    let off = 0;
    while (off < line.length) off += writeSync(this.fd, line, off, line.length - off);
    this.logBytes += line.length;
    this.dirty = true;
    this.scheduleSync();
    if (this.logBytes >= this.options.compactBytes && !this.running) void this.compact();
  }

  /** Saves the whole team now and starts an empty log (first save, reset, changes made outside tracked writes). */
  saveSync(): void {
    this.epoch++;
    const next = this.gen + 1;
    mkdirSync(dirname(this.file), { recursive: true });
    writeSnapshotSync(this.file, this.state(), next);
    this.openLog(next);
    this.deleteLogsBefore(next);
  }

  /**
   * Folds the logs into a new snapshot in the background. Resolves true when
   * the new snapshot replaced the old one, false when it was abandoned.
   */
  compact(): Promise<boolean> {
    if (this.running) return this.running;
    if (this.fd === undefined) return Promise.resolve(false);
    const epoch = ++this.epoch;
    const next = this.gen + 1;
    this.openLog(next);
    const run = writeSnapshotInBackground(this.file, this.state(), next, () => this.epoch !== epoch)
      .then((done) => {
        if (done) this.deleteLogsBefore(next);
        return done;
      })
      .catch((err: unknown) => {
        this.lastError = err;
        return false;
      })
      .finally(() => {
        if (this.running === run) this.running = undefined;
      });
    this.running = run;
    return run;
  }

  /** Makes every appended line durable now (shutdown). */
  flush(): void {
    if (this.fd !== undefined && this.dirty) fsyncSync(this.fd);
    this.dirty = false;
  }

  close(): void {
    this.epoch++;
    this.flush();
    if (this.syncTimer) clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** Bytes in the current log (for tests and the bench). */
  get pendingLogBytes(): number {
    return this.logBytes;
  }

  private openLog(gen: number): void {
    const old = this.fd;
    if (old !== undefined) {
      // The old log stays needed until a snapshot covers it; make it durable off the request path.
      fdatasync(old, () => closeSync(old));
    }
    this.fd = openSync(this.logPath(gen), 'a');
    this.gen = gen;
    this.logBytes = 0;
    this.dirty = false;
  }

  private scheduleSync(): void {
    if (this.syncTimer) return;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      const fd = this.fd;
      if (fd === undefined || !this.dirty) return;
      this.dirty = false;
      fdatasync(fd, () => {});
    }, this.options.syncDelayMs);
    this.syncTimer.unref();
  }

  private logPath(gen: number): string {
    return `${this.file}.log.${gen}`;
  }

  /** Generations of the logs beside FILE, oldest first. */
  private logGens(): number[] {
    const prefix = `${basename(this.file)}.log.`;
    let names: string[];
    try {
      names = readdirSync(dirname(this.file));
    } catch {
      return [];
    }
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .map((n) => Number(n.slice(prefix.length)))
      .sort((a, b) => a - b);
  }

  /** Temp snapshots a killed process left behind (never renamed, so never part of the team). */
  private removeStaleTemps(): void {
    const prefix = `${basename(this.file)}.tmp-`;
    for (const n of readdirSync(dirname(this.file))) if (n.startsWith(prefix)) rmSync(join(dirname(this.file), n), { force: true });
  }

  private deleteLogsBefore(gen: number): void {
    for (const g of this.logGens()) if (g < gen) rmSync(this.logPath(g), { force: true });
  }
}

/** The complete lines of a change log; a last line without its newline was torn by a kill and is dropped. */
function readLog(path: string): ChangeRecord[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  lines.pop();
  return lines.map((line, i) => {
    try {
      return JSON.parse(line) as ChangeRecord;
    } catch {
      throw new Error(`Sandbox change log ${join(dirname(path), basename(path))} is damaged at line ${i + 1}`);
    }
  });
}
