import { AppError } from '../errors.js';
import type { Connections } from './connections.js';

/**
 * The connection a connect attempt signs in to again: it must exist and be a
 * Dropbox team (the sandbox signs in by itself, whenever it is shown).
 */
export function reauthTarget(connections: Connections, connectionId: string): { teamId?: string; teamName?: string } {
  const c = connections.get(connectionId);
  if (c.record.kind === 'sandbox') throw new AppError('sandbox_signs_in_itself', 'The sandbox team signs in by itself: switch to it to reconnect.');
  return { teamId: c.record.teamId, teamName: c.displayName };
}
