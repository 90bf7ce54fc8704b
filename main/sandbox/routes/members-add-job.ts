import type { team } from 'dropbox';
import type { z } from 'zod';
import { route } from './route.js';
import { pollArg } from './schemas.js';
import { RouteError } from '../http/errors.js';

export const membersAddJobRoutes = [
  route<z.infer<typeof pollArg>, team.MembersAddJobStatusV2Result>({
    path: 'team/members/add/job_status/get_v2',
    scope: 'members.write',
    write: false,
    schema: pollArg,
    handle({ store }, arg) {
      const job = store.jobById(arg.async_job_id);
      // A job of another kind is as unknown to this route as a made-up id.
      if (!job || job.kind !== 'members_add') throw new RouteError('invalid_async_job_id');
      if (Date.now() < job.readyAt) return { '.tag': 'in_progress' };
      return { '.tag': 'complete', complete: job.outcome.complete as team.MemberAddV2Result[] };
    },
  }),
];
