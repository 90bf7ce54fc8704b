import type { FileFolder, Member } from './types.js';
import type { TeamStore } from './team-store.js';
import { nameOf } from './team-store.js';

/** Name of the folder the destination receives, e.g. "Jane Doe (former member) files". */
export function formerMemberFolderName(from: Member): string {
  const display = nameOf(from).display_name || from.email;
  return `${display} (former member) files`;
}

/**
 * Moves everything in `from`'s account (own files plus folders it had
 * received) to `to` as one folder. The source keeps its counts as a record
 * of what left; `transferredTo` marks them as gone.
 */
export function transferFiles(from: Member, to: Member): FileFolder {
  let files = from.files.files;
  let bytes = from.files.bytes;
  for (const f of from.files.received) {
    files += f.files;
    bytes += f.bytes;
  }
  const folder: FileFolder = { name: formerMemberFolderName(from), files, bytes, fromMemberId: from.teamMemberId };
  to.files.received.push(folder);
  from.files.transferredTo = to.teamMemberId;
  return folder;
}

interface PendingTransfer {
  from: string;
  to: string;
  /** Wall-clock ms at which the job reports complete (Job.readyAt). */
  readyAt: number;
}

/**
 * Transfers whose job still reports in_progress. Kept beside the store rather
 * than in the persisted state: they last asyncJobDelayMs, so after a restart
 * every transfer is simply finished. Keyed by store so a reset forgets them.
 */
const pendingByStore = new WeakMap<TeamStore, PendingTransfer[]>();

export function notePendingTransfer(store: TeamStore, t: PendingTransfer): void {
  const now = Date.now();
  const live = (pendingByStore.get(store) ?? []).filter((p) => p.readyAt > now);
  live.push(t);
  pendingByStore.set(store, live);
}

function pending(store: TeamStore): PendingTransfer[] {
  const now = Date.now();
  return (pendingByStore.get(store) ?? []).filter((p) => p.readyAt > now);
}

/** The member is receiving files from a transfer still in progress. */
export function isPendingTransferDestination(store: TeamStore, memberId: string): boolean {
  return pending(store).some((p) => p.to === memberId);
}

/** The member's files are being transferred right now (by a job, or a transfer the team state marks as running). */
export function isPendingTransferSource(store: TeamStore, memberId: string): boolean {
  if (store.memberById(memberId)?.files.transferring) return true;
  return pending(store).some((p) => p.from === memberId);
}
