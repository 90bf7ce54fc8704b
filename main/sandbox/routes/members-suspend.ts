import { z } from 'zod';
import { route } from './route.js';
import { userSelector } from './schemas.js';
import { isLastTeamAdmin, targetMember } from './members-target.js';
import { RouteError } from '../http/errors.js';

const suspendArg = z.strictObject({
  user: userSelector,
  wipe_data: z.boolean().default(true),
});

const unsuspendArg = z.strictObject({ user: userSelector });

export const membersSuspendRoutes = [
  route<z.infer<typeof suspendArg>, void>({
    path: 'team/members/suspend',
    scope: 'members.write',
    write: true,
    schema: suspendArg,
    handle({ store }, arg) {
      const m = targetMember(store, arg.user);
      if (m.status !== 'active') throw new RouteError('suspend_inactive_user');
      if (isLastTeamAdmin(store, m)) throw new RouteError('suspend_last_admin');
      m.status = 'suspended';
      m.suspendedOn = store.clock.now();
      if (arg.wipe_data) for (const d of m.devices) d.wiped = true;
    },
  }),
  route<z.infer<typeof unsuspendArg>, void>({
    path: 'team/members/unsuspend',
    scope: 'members.write',
    write: true,
    schema: unsuspendArg,
    handle({ store }, arg) {
      const m = targetMember(store, arg.user);
      if (m.status !== 'suspended') throw new RouteError('unsuspend_non_suspended_member');
      // Suspended members keep their license, so this only bites a team already over its
      // license count (e.g. after the control API lowered it).
      if (store.provisionedCount() > store.state.team.numLicensedUsers) throw new RouteError('team_license_limit');
      m.status = 'active';
      delete m.suspendedOn;
    },
  }),
];
