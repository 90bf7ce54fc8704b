import { DROPBOX_API_ORIGIN } from '../dropbox/rewrite-fetch.js';
import { AppError } from '../errors.js';
import type { ConnectionRecord } from '../settings/settings.js';

/**
 * A sign-in belongs to the server it was made with: its refresh token is only
 * ever sent back there. The server of a run is Dropbox, or --dropbox-url
 * (the API base URL, normalised by parseDropboxUrl).
 */
export function runApiOrigin(dropboxUrl: string | undefined): string {
  return dropboxUrl ?? DROPBOX_API_ORIGIN;
}

/**
 * The server a saved connection signed in with. Records saved before servers
 * were recorded count as Dropbox: then an override (a test or demo server,
 * or a hostile TEAMKEEPER_DROPBOX_URL) never receives a real team's token;
 * the worst case is a sandbox's token offered to Dropbox, which refuses it.
 */
export function recordApiOrigin(record: ConnectionRecord): string {
  return record.apiOrigin ?? DROPBOX_API_ORIGIN;
}

function serverName(origin: string): string {
  return origin === DROPBOX_API_ORIGIN ? 'Dropbox' : origin;
}

/** Why a connection made with another server stays closed in this run. */
export function otherServerError(teamName: string, recordOrigin: string, runOrigin: string): AppError {
  const now = runOrigin === DROPBOX_API_ORIGIN ? 'this run talks to Dropbox' : `this run talks to ${runOrigin} (--dropbox-url or TEAMKEEPER_DROPBOX_URL)`;
  const fix = recordOrigin === DROPBOX_API_ORIGIN ? 'Start Teamkeeper without --dropbox-url and TEAMKEEPER_DROPBOX_URL' : `Start Teamkeeper with --dropbox-url ${recordOrigin}`;
  return new AppError(
    'other_server',
    `${teamName} was connected through ${serverName(recordOrigin)}, but ${now}, so its sign-in stays unused and is not sent there. ${fix} to use it, or sign in again here.`,
  );
}
