import { useEffect } from 'react';
import { create } from 'zustand';
import type { JobProgress, JobState, JobSummary } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { registerEventClient } from '../../app-events.js';

/** States in which nothing more happens until the admin acts. */
export const SETTLED_STATES: ReadonlySet<JobState> = new Set(['paused', 'cancelled', 'finished', 'interrupted']);

interface Watched {
  jobId: string;
  state: JobState;
  progress: JobProgress;
  resumable: boolean;
}

interface JobWatchState {
  watched: Watched | null;
  watch(summary: JobSummary): void;
  update(summary: JobSummary): void;
  stop(): void;
}

/**
 * The job the action dialog shows. Events move it at once; polling listJobs
 * as well means a lost or coalesced event can only delay the picture, never
 * freeze it.
 */
export const useJobWatch = create<JobWatchState>()((set, get) => ({
  watched: null,
  watch: (s) => set({ watched: { jobId: s.jobId, state: s.state, progress: s.progress, resumable: s.resumable } }),
  update(s) {
    if (get().watched?.jobId === s.jobId) set({ watched: { jobId: s.jobId, state: s.state, progress: s.progress, resumable: s.resumable } });
  },
  stop: () => set({ watched: null }),
}));

registerEventClient({
  name: 'member-action-job',
  handleEvent(event) {
    const { watched } = useJobWatch.getState();
    if (!watched || !('jobId' in event) || event.jobId !== watched.jobId) return;
    if (event.type === 'job.state') useJobWatch.setState({ watched: { ...watched, state: event.state } });
    else if (event.type === 'job.progress') useJobWatch.setState({ watched: { ...watched, progress: event.progress } });
  },
  resync: () => void pollOnce(),
  state: () => useJobWatch.getState().watched,
});

async function pollOnce(): Promise<void> {
  const watched = useJobWatch.getState().watched;
  if (!watched) return;
  try {
    const jobs = await api.listJobs();
    const found = jobs.find((j) => j.jobId === watched.jobId);
    if (found) useJobWatch.getState().update(found);
  } catch {
    // The next poll or event tries again; the dialog keeps what it last knew.
  }
}

const POLL_MS = 700;

/** Polls the watched job until it settles. */
export function useJobPolling(jobId: string | null, state: JobState | undefined): void {
  const settled = state !== undefined && SETTLED_STATES.has(state);
  useEffect(() => {
    if (jobId === null || settled) return;
    const timer = setInterval(() => void pollOnce(), POLL_MS);
    return () => clearInterval(timer);
  }, [jobId, settled]);
}
