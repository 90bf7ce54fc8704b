import type { DirectoryApi } from '../../../preload/contract.js';
import { memberDetail } from '../directory/member-detail.js';
import type { Team } from '../team/team.js';

/** The directory slice, always on the team the app is showing. */
export function directoryHandlers(activeTeam: () => Promise<Team>): DirectoryApi {
  return {
    getDirectory: async (arg) => (await activeTeam()).directory.get(arg.includeRemoved),
    refreshDirectory: async (arg) => (await activeTeam()).directory.refresh(arg.includeRemoved),
    syncDirectory: async (arg) => (await activeTeam()).directory.update(arg.includeRemoved, arg.since),
    async getMemberDetail(arg) {
      const team = await activeTeam();
      return memberDetail({ client: team.client, groups: team.directory.names().groups, fileUsage: team.fileUsage }, arg.memberId);
    },
  };
}
