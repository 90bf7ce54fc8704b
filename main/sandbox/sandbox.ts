import { TeamStore } from './model/team-store.js';
import { seedState, type SeedOptions } from './model/seed.js';
import type { SandboxState } from './model/types.js';
import { TeamFile } from './model/team-file.js';
import { TokenRegistry } from './oauth/tokens.js';
import { TEAM_SCOPES } from './oauth/scopes.js';
import { FaultPlan } from './http/faults.js';
import { WriteLimiter } from './http/rate-limit.js';
import { RequestLog } from './http/request-log.js';
import { DEFAULT_CONFIG, type SandboxConfig } from './config.js';
import { ALL_ROUTES } from './routes/index.js';
import type { RouteDef } from './routes/route.js';
import { AppRegistry } from './oauth/apps.js';
import { upgradeAccountId } from './model/account-id.js';
import { prepareAnswerWatch } from './spec/answer-watch.js';

export interface SandboxOptions extends SeedOptions, Partial<SandboxConfig> {
  /** Keep the team in this file (a JSON snapshot, see model/snapshot.ts, plus its change logs, FILE.log.N) across restarts. */
  statePath?: string;
  /** Change-log size that starts a background compaction (team-file.ts's default when undefined). */
  compactBytes?: number;
}

/**
 * One emulated Dropbox team with everything that serves it, independent of
 * the HTTP listener (server.ts), so tests can also poke it in-process.
 */
export class Sandbox {
  store: TeamStore;
  readonly config: SandboxConfig;
  readonly tokens = new TokenRegistry();
  readonly apps = new AppRegistry();
  readonly faults = new FaultPlan();
  readonly log = new RequestLog();
  readonly writeLimiter: WriteLimiter;
  readonly routes = new Map<string, RouteDef>(ALL_ROUTES.map((r) => [r.path, r]));
  /** Token for the first team admin with every team scope (printed by the CLI). */
  accessToken: string;
  /** Kept for tests: the last unexpected handler error (the server answered 500). */
  lastInternalError: unknown;
  private teamFile?: TeamFile;
  /** Members in the seeded team (seed.ts's default when undefined). */
  private seededMembers: number | undefined;

  constructor(private readonly options: SandboxOptions = {}) {
    prepareAnswerWatch();
    this.config = { ...DEFAULT_CONFIG, ...pickConfig(options) };
    this.writeLimiter = new WriteLimiter(this.config.writeRate);
    this.seededMembers = options.members;
    const file = options.statePath ? new TeamFile(options.statePath, () => this.store.state, { compactBytes: options.compactBytes }) : undefined;
    const saved = file?.load();
    // Practice teams saved before account ids had the spec's 40 characters.
    const upgraded = saved ? upgradeAccountIds(saved.state) : 0;
    this.store = this.makeStore(saved?.state ?? seedState(options));
    this.teamFile = file;
    // A new team, or one whose account ids were just upgraded, is saved whole once.
    if (file && (!saved || upgraded > 0)) file.saveSync();
    // A log replayed at start, or a file in the older format, is folded into a new snapshot soon, in the background.
    if (saved?.replayed || saved?.upgrade) setTimeout(() => void this.compact(), 1_000).unref();
    this.accessToken = this.issueCliToken();
  }

  /** The first active Team admin: who "generated" the CLI token. */
  firstAdminId(): string {
    const admin = this.store.activeTeamAdmins()[0];
    if (!admin) throw new Error('The sandbox team has no active Team admin');
    return admin.teamMemberId;
  }

  /** POST /__sandbox/reset: back to the seeded team (same seed and size), tokens kept valid for the CLI admin. */
  reset(seed?: SeedOptions): void {
    const prev = this.store.state;
    // The size sticks like the seed: a later plain reset reseeds the team the last one asked for.
    this.seededMembers = seed?.members ?? this.seededMembers;
    this.store = this.makeStore(seedState({ seed: seed?.seed ?? prev.seed, members: this.seededMembers, now: this.options.now }));
    this.faults.clear();
    this.log.clear();
    this.teamFile?.saveSync();
  }

  /** Makes every acknowledged write durable on disk now (fsync of the change log). */
  flush(): void {
    this.teamFile?.flush();
  }

  /** Folds the change log into the saved snapshot, in the background; false when there is no file or it was abandoned. */
  compact(): Promise<boolean> {
    return this.teamFile?.compact() ?? Promise.resolve(false);
  }

  /** Flushes and releases the team file (server close). */
  close(): void {
    this.teamFile?.close();
  }

  /**
   * What a member's Dropbox holds, as far as the sandbox models it: their own
   * files unless deleted or handed over, plus what was transferred to them.
   * Real Dropbox offers no such figure; the app shows it for the sandbox team.
   */
  memberFileUsage(memberId: string): { files: number; bytes: number } | undefined {
    const m = this.store.memberById(memberId);
    if (!m) return undefined;
    const received = m.files.received.reduce((acc, f) => ({ files: acc.files + f.files, bytes: acc.bytes + f.bytes }), { files: 0, bytes: 0 });
    const own = m.files.deleted || m.files.transferredTo ? { files: 0, bytes: 0 } : { files: m.files.files, bytes: m.files.bytes };
    return { files: own.files + received.files, bytes: own.bytes + received.bytes };
  }

  private makeStore(state: ConstructorParameters<typeof TeamStore>[0]): TeamStore {
    const store = new TeamStore(state);
    // A tracked write is one log line, written before its answer; anything else saves the whole team.
    store.onChange((change) => {
      if (!this.teamFile) return;
      if (change) this.teamFile.append(change);
      else this.teamFile.saveSync();
    });
    return store;
  }

  private issueCliToken(): string {
    return this.tokens.issueAccess(this.firstAdminId(), TEAM_SCOPES);
  }
}

function pickConfig(o: Partial<SandboxConfig>): Partial<SandboxConfig> {
  const out: Partial<SandboxConfig> = {};
  for (const k of Object.keys(DEFAULT_CONFIG) as Array<keyof SandboxConfig>) {
    if (o[k] !== undefined) out[k] = o[k];
  }
  return out;
}

/** Gives every saved member the spec's 40-character account id; returns how many changed. */
function upgradeAccountIds(state: SandboxState): number {
  let n = 0;
  for (const m of state.members) {
    const id = upgradeAccountId(m.accountId);
    if (id !== m.accountId) {
      m.accountId = id;
      n++;
    }
  }
  return n;
}
