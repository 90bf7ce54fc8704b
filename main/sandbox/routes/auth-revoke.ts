import { route } from './route.js';

/**
 * auth/token/revoke: signs the calling app out. The refresh token behind the
 * access token goes too, and with it every access token minted from it.
 */
export const authRevokeRoutes = [
  route<void, void>({
    path: 'auth/token/revoke',
    scope: null,
    write: false,
    schema: null,
    handle({ token, tokens }) {
      tokens.revoke(token);
    },
  }),
];
