import { create } from 'zustand';
import type { AppErrorInfo, DamagedJob, JobSummary } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { registerEventClient, type StoreEvent } from '../../app-events.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { throttle } from '../../throttle.js';

export type JobCommand = 'pause' | 'resume' | 'cancel';

export interface JobsState {
  /** The shown team's jobs, newest first (as listJobs answers). */
  jobs: JobSummary[];
  /** Job folders that could not be read back. */
  damaged: DamagedJob[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorInfo | null;
  /** A command sent and not answered yet, per job (its buttons wait). */
  pending: Readonly<Record<string, JobCommand>>;
  /** The last command that failed, said beside its job. */
  commandError: { jobId: string; error: AppErrorInfo } | null;

  load(): Promise<void>;
  command(jobId: string, command: JobCommand): Promise<void>;
  handleEvent(event: StoreEvent): void;
}

/** Answers to older reads are dropped: the list main holds now is the one to show. */
let latestRead = 0;
/** Jobs heard of but not in the list: re-read once for each (a new job), not on every event (another team's job). */
const unknownJobs = new Set<string>();

export const useJobsStore = create<JobsState>()((set, get) => {
  // A burst of state changes (a job starting, many finishing) is one re-read, not one each.
  const reread = throttle(() => void get().load(), 300);

  function patch(jobId: string, change: (job: JobSummary) => JobSummary): boolean {
    const jobs = get().jobs;
    const i = jobs.findIndex((j) => j.jobId === jobId);
    if (i < 0) return false;
    const next = jobs.slice();
    next[i] = change(jobs[i]);
    set({ jobs: next });
    return true;
  }

  return {
    jobs: [],
    damaged: [],
    status: 'idle',
    error: null,
    pending: {},
    commandError: null,

    async load() {
      const read = ++latestRead;
      if (get().status !== 'ready') set({ status: 'loading' });
      try {
        const [jobs, damaged] = await Promise.all([api.listJobs(), api.listDamagedJobs()]);
        if (read !== latestRead) return;
        set({ jobs, damaged, status: 'ready', error: null });
      } catch (err) {
        if (read !== latestRead) return;
        set({ status: 'error', error: toAppErrorInfo(err) });
      }
    },

    async command(jobId, command) {
      if (get().pending[jobId]) return;
      set({ pending: { ...get().pending, [jobId]: command }, commandError: null });
      try {
        const call = command === 'pause' ? api.pauseJob : command === 'resume' ? api.resumeJob : api.cancelJob;
        const summary = await call({ jobId });
        patch(jobId, () => summary);
      } catch (err) {
        set({ commandError: { jobId, error: toAppErrorInfo(err) } });
        reread();
      } finally {
        const rest = { ...get().pending };
        delete rest[jobId];
        set({ pending: rest });
      }
    },

    handleEvent(event) {
      switch (event.type) {
        case 'job.progress':
          // A job this list does not have is another team's, or new: the re-read settles which.
          if (patch(event.jobId, (j) => ({ ...j, progress: event.progress })) || unknownJobs.has(event.jobId)) return;
          unknownJobs.add(event.jobId);
          reread();
          return;
        case 'job.state':
          patch(event.jobId, (j) => ({ ...j, state: event.state }));
          // Whether it can be resumed, and its final counts, come with the summary.
          reread();
          return;
        case 'renderer.team-shown':
          if (event.changed) {
            latestRead++;
            unknownJobs.clear();
            set({ jobs: [], damaged: [], status: 'idle', error: null, commandError: null });
          }
          void get().load();
          return;
        case 'renderer.team-connected':
        case 'renderer.team-usable':
          void get().load();
          return;
      }
    },
  };
});

registerEventClient({
  name: 'jobs',
  handleEvent: (event) => useJobsStore.getState().handleEvent(event),
  resync: () => void useJobsStore.getState().load(),
  state: () => useJobsStore.getState(),
});
