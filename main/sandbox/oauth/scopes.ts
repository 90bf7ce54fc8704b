/** Every team scope the sandbox knows; the CLI token and the default app get all of them. */
export const TEAM_SCOPES = [
  'team_info.read',
  'members.read',
  'members.write',
  'members.delete',
  'groups.read',
  'groups.write',
  'sessions.list',
  'sessions.modify',
  'team_data.member',
  'account_info.read',
] as const;

/**
 * Dropbox scope implication: a .write scope includes the matching .read, and
 * members.delete includes members.write.
 */
export function grants(scopes: ReadonlySet<string>, required: string): boolean {
  if (scopes.has(required)) return true;
  const [family, level] = required.split('.');
  if (level === 'read' && scopes.has(`${family}.write`)) return true;
  if (required === 'members.read' && (scopes.has('members.write') || scopes.has('members.delete'))) return true;
  if (required === 'members.write' && scopes.has('members.delete')) return true;
  if (required === 'sessions.list' && scopes.has('sessions.modify')) return true;
  return false;
}
