import type { JobsApi } from '../../../preload/contract.js';
import type { ExportSink } from '../reports/export-sink.js';
import type { Team } from '../team/team.js';

export interface JobsDeps {
  activeTeam: () => Promise<Team>;
  exportSink: ExportSink;
}

/** The jobs slice: every change to the shown team, planned, confirmed and run by its job engine. */
export function jobsHandlers({ activeTeam, exportSink }: JobsDeps): JobsApi {
  const jobs = async () => (await activeTeam()).jobs;
  return {
    planJob: async (arg) => (await jobs()).plan(arg),
    startJob: async (arg) => (await jobs()).start(arg.jobId, arg.confirmation),
    pauseJob: async (arg) => (await jobs()).pause(arg.jobId),
    resumeJob: async (arg) => (await jobs()).resume(arg.jobId),
    cancelJob: async (arg) => (await jobs()).cancel(arg.jobId),
    listJobs: async () => (await jobs()).list(),
    getJobItems: async (arg) => (await jobs()).items(arg),
    async exportJobResults(arg) {
      const engine = await jobs();
      const { total } = engine.items({ jobId: arg.jobId, offset: 0, limit: 1 });
      return exportSink.deliver({ fileName: `${arg.jobId}-results.csv`, rows: total, write: (out) => engine.exportResults(arg.jobId, out) });
    },
  };
}
