import type { JobsApi } from '../../../preload/contract.js';
import type { ExportSink } from '../reports/export-sink.js';
import type { Team } from '../team/team.js';

export interface JobsDeps {
  activeTeam: () => Promise<Team>;
  /** Every team opened in this run: a job keeps running when the app shows another team. */
  openTeams: () => Promise<Team[]>;
  exportSink: ExportSink;
}

/** The jobs slice: every change to the shown team, planned, confirmed and run by its job engine. */
export function jobsHandlers({ activeTeam, openTeams, exportSink }: JobsDeps): JobsApi {
  const jobs = async () => (await activeTeam()).jobs;
  // Plans and lists are the shown team's; a job named by id is found on whichever team has it
  // (job ids are unique), so a job started on one team can be paused while another is shown.
  const jobsOf = async (jobId: string) => (await openTeams()).find((t) => t.jobs.has(jobId))?.jobs ?? (await jobs());
  return {
    planJob: async (arg) => (await jobs()).plan(arg),
    startJob: async (arg) => (await jobsOf(arg.jobId)).start(arg.jobId, arg.confirmation),
    pauseJob: async (arg) => (await jobsOf(arg.jobId)).pause(arg.jobId),
    resumeJob: async (arg) => (await jobsOf(arg.jobId)).resume(arg.jobId),
    cancelJob: async (arg) => (await jobsOf(arg.jobId)).cancel(arg.jobId),
    listJobs: async () => (await jobs()).list(),
    listDamagedJobs: async () => (await jobs()).damaged(),
    getJobItems: async (arg) => (await jobsOf(arg.jobId)).items(arg),
    async exportJobResults(arg) {
      const engine = await jobsOf(arg.jobId);
      const { total } = engine.items({ jobId: arg.jobId, offset: 0, limit: 1 });
      return exportSink.deliver({ fileName: `${arg.jobId}-results.csv`, rows: total, write: (out) => engine.exportResults(arg.jobId, out) });
    },
  };
}
