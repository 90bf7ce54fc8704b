import { route } from './route.js';
import { userSelector } from './schemas.js';
import { targetMember } from './members-target.js';
import type { z } from 'zod';

export const membersWelcomeRoutes = [
  route<z.infer<typeof userSelector>, void>({
    path: 'team/members/send_welcome_email',
    scope: 'members.write',
    write: true,
    schema: userSelector,
    handle({ store }, sel) {
      const m = targetMember(store, sel);
      // The spec: "No-op if team member is not pending."
      if (m.status === 'invited') m.welcomeEmailsSent++;
    },
  }),
];
