import { z } from 'zod';
import { route } from './route.js';
import { userSelector } from './schemas.js';
import { RouteError } from '../http/errors.js';

const recoverArg = z.strictObject({ user: userSelector });

export const membersRecoverRoutes = [
  route<z.output<typeof recoverArg>, void>({
    path: 'team/members/recover',
    scope: 'members.delete',
    write: true,
    schema: recoverArg,
    /**
     * A member still on the team has nothing to recover (user_unrecoverable);
     * one who kept their account as a Basic user has left the team for good
     * (user_not_in_team); transfer, permanent delete or the 7-day window make
     * the rest unrecoverable. Group memberships dropped on removal stay dropped.
     */
    handle({ store }, arg) {
      const m = store.findMember(arg.user);
      if (!m) throw new RouteError('user_not_found');
      if (m.status !== 'removed') throw new RouteError('user_unrecoverable');
      if (m.removal?.isDisconnected) throw new RouteError('user_not_in_team');
      if (!store.isRecoverable(m)) throw new RouteError('user_unrecoverable');
      if (store.provisionedCount() >= store.state.team.numLicensedUsers) throw new RouteError('team_license_limit');
      // Someone invited who never joined comes back as an invitation, not as an account.
      m.status = m.joinedOn === undefined ? 'invited' : 'active';
      delete m.removal;
      delete m.suspendedOn;
    },
  }),
];
