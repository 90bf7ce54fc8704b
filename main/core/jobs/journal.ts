import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DurableAppender, replaceFile } from '../fs/durable-file.js';
import { fileNameOf, legacyFileNameOf, moveLegacy } from '../fs/file-name.js';
import { readJsonLines } from '../fs/json-lines.js';
import { LazyItems, type ItemList } from './item-list.js';
import type { ItemOutcome, JobState, PlanItem } from '../../../preload/contract/jobs.js';

/** What is written once, when the admin confirms: the plan exactly as shown (its items beside it, one a line). */
export interface StoredPlan {
  version: 1;
  jobId: string;
  kind: string;
  teamId: string;
  admin: { teamMemberId: string; email: string };
  createdAt: string;
  total: number;
}

/**
 * One line of journal.jsonl. `i` lists item indexes. An intent is written
 * (and on disk) before any of its items is sent; a release says the items
 * were never sent after all (paused or cancelled first).
 */
export type JournalRecord =
  /** `why`: the job was paused by Teamkeeper rather than by the admin (the team's sign-in was refused, the team disconnected). */
  | { e: 'state'; state: JobState; at: number; why?: string }
  | { e: 'intent'; i: number[] }
  | { e: 'release'; i: number[] }
  | { e: 'async'; i: number; id: string }
  | { e: 'outcome'; i: number; o: ItemOutcome; at: number };

/** An item's state replayed from the journal. */
export interface ReplayedItem {
  outcome?: ItemOutcome;
  /** Intent journalled and no outcome after it: the write may or may not have been applied. */
  inDoubt: boolean;
  asyncJobId?: string;
}

export interface Replayed {
  plan: StoredPlan;
  planItems: ItemList;
  items: ReplayedItem[];
  /** The last state journalled; 'running' after a crash. */
  lastState: JobState;
  /** Why Teamkeeper itself paused the job, when it did. */
  lastWhy?: string;
}

const PLAN_FILE = 'plan.json';
const ITEMS_FILE = 'items.jsonl';
const JOURNAL_FILE = 'journal.jsonl';

/**
 * The per-job journal in the data dir: jobs/<teamId>/<jobId>/ with
 * items.jsonl and plan.json (each written atomically, plan.json last: a job
 * exists once its plan does) and journal.jsonl (appended, each append fsynced).
 */
export class JobJournal {
  /** Opened on the first append: a finished job read for its results holds no file open. */
  private log: DurableAppender | undefined;

  private constructor(readonly dir: string) {}

  static jobsDir(dataDir: string, teamId: string): string {
    return join(dataDir, 'jobs', fileNameOf(teamId));
  }

  /** Moves the team's jobs from the folder name earlier versions used, if they are this team's. */
  static adoptLegacyDir(dataDir: string, teamId: string): void {
    const legacy = join(dataDir, 'jobs', legacyFileNameOf(teamId));
    moveLegacy(legacy, JobJournal.jobsDir(dataDir, teamId), () =>
      JobJournal.listIds(legacy).every((id) => {
        try {
          return (JSON.parse(readFileSync(join(legacy, id, PLAN_FILE), 'utf8')) as StoredPlan).teamId === teamId;
        } catch {
          return true;
        }
      }),
    );
  }

  /** Writes the plan durably and opens a fresh journal. */
  static async create(jobsDir: string, plan: StoredPlan, items: readonly PlanItem[]): Promise<JobJournal> {
    const dir = join(jobsDir, plan.jobId);
    await replaceFile(join(dir, ITEMS_FILE), items.map((it) => JSON.stringify(it) + '\n').join(''));
    await replaceFile(join(dir, PLAN_FILE), JSON.stringify(plan));
    return new JobJournal(dir);
  }

  /** Job ids with a plan on disk, oldest first (ids sort by creation time). */
  static listIds(jobsDir: string): string[] {
    try {
      return readdirSync(jobsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  }

  /** Whether the job's plan is on disk: a job exists once its plan does. */
  static hasPlan(jobsDir: string, jobId: string): boolean {
    return existsSync(join(jobsDir, jobId, PLAN_FILE));
  }

  /** Replays a job from disk; a torn last journal line (crash mid-append) is cut off. */
  static open(jobsDir: string, jobId: string): { journal: JobJournal; replayed: Replayed } {
    const dir = join(jobsDir, jobId);
    const plan = JSON.parse(readFileSync(join(dir, PLAN_FILE), 'utf8')) as StoredPlan;
    const planItems = new LazyItems(readFileSync(join(dir, ITEMS_FILE)));
    if (planItems.length !== plan.total) throw new Error(`${jobId}: ${planItems.length} of ${plan.total} items on disk`);
    const items: ReplayedItem[] = Array.from({ length: plan.total }, () => ({ inDoubt: false }));
    let lastState: JobState = 'planned';
    let lastWhy: string | undefined;
    const { records } = readJsonLines(join(dir, JOURNAL_FILE), (v) => v as JournalRecord, { repair: true });
    for (const r of records) {
      switch (r.e) {
        case 'state':
          lastState = r.state;
          lastWhy = r.why;
          break;
        case 'intent':
          for (const i of r.i) {
            items[i].inDoubt = true;
            items[i].outcome = undefined;
          }
          break;
        case 'release':
          for (const i of r.i) items[i].inDoubt = false;
          break;
        case 'async':
          items[r.i].asyncJobId = r.id;
          break;
        case 'outcome':
          items[r.i].outcome = r.o;
          items[r.i].inDoubt = false;
          if (r.o.outcome !== 'unconfirmed') items[r.i].asyncJobId = undefined;
          break;
      }
    }
    return { journal: new JobJournal(dir), replayed: { plan, planItems, items, lastState, ...(lastWhy ? { lastWhy } : {}) } };
  }

  /** Resolves once the record is on disk. */
  append(record: JournalRecord): Promise<void> {
    this.log ??= DurableAppender.open(join(this.dir, JOURNAL_FILE));
    return this.log.append(JSON.stringify(record) + '\n');
  }

  async close(): Promise<void> {
    await this.log?.close();
    this.log = undefined;
  }
}
