/**
 * Team scopes Teamkeeper asks for: reading the directory, managing members,
 * groups and sessions. Listed in the README for admins creating an app key.
 */
export const APP_SCOPES = [
  'team_info.read',
  'members.read',
  'members.write',
  'members.delete',
  'groups.read',
  'groups.write',
  'sessions.list',
  'sessions.modify',
  'team_data.member',
] as const;
