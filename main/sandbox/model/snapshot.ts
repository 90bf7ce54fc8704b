import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SandboxState } from './types.js';

/**
 * The saved team: the state as JSON, plus `logGen`, the first change-log
 * generation still to replay over it. Written whole only by atomic replace
 * (temp file, fsync, rename, fsync of the directory), so a kill at any
 * moment leaves either the old file or the new one.
 */
export interface SnapshotFile extends SandboxState {
  logGen?: number;
}

/** Members, and group memberships, serialised per slice of a background snapshot: well under a ms of work between yields. */
const MEMBERS_PER_SLICE = 50;
const MEMBERSHIPS_PER_SLICE = 1000;
/** Bytes gathered before each write to the temp file. */
const WRITE_BYTES = 1 << 20;

/**
 * The snapshot as pieces of JSON text, each made when asked for, so a caller
 * can yield to the event loop between them. Records are read live: one that a
 * write changes while the snapshot is being made may be saved old or new, and
 * the change log from `logGen` on replays it to its final value either way.
 */
export function* snapshotPieces(state: SandboxState, logGen: number): Generator<string> {
  for (const piece of jsonPieces(state, logGen)) yield asciiOnly(piece);
}

/**
 * Escapes everything outside ASCII (names such as "Łucja" or "O’Brien"), so
 * the whole file is ASCII and loads as a one-byte string: half the decoding
 * work of UTF-8 at start-up and half the memory.
 */
function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function* jsonPieces(state: SandboxState, logGen: number): Generator<string> {
  const head: Omit<SnapshotFile, 'members' | 'groups' | 'jobs'> = {
    version: state.version,
    seed: state.seed,
    team: state.team,
    nextId: state.nextId,
    clockOffsetMs: state.clockOffsetMs,
    logGen,
  };
  // Groups can be deleted and memberships spliced out while the pieces are
  // made, which would shift what is left past the cursor: list them now.
  // (Members are only ever appended, so the live array is safe to walk.)
  const groups = state.groups.map((g) => ({ ...g, members: g.members.slice() }));
  yield `${JSON.stringify(head).slice(0, -1)},"jobs":${JSON.stringify(state.jobs)},"groups":[`;
  for (let i = 0; i < groups.length; i++) {
    // A group can hold most of the team: its memberships go out in slices too.
    const { members, ...header } = groups[i];
    yield `${i ? ',' : ''}${JSON.stringify(header).slice(0, -1)}${Object.keys(header).length ? ',' : ''}"members":[`;
    for (let j = 0; j < members.length; j += MEMBERSHIPS_PER_SLICE) {
      yield (j ? ',' : '') + members.slice(j, j + MEMBERSHIPS_PER_SLICE).map((gm) => JSON.stringify(gm)).join(',');
    }
    yield ']}';
  }
  yield '],"members":[';
  for (let i = 0; i < state.members.length; i += MEMBERS_PER_SLICE) {
    const slice = state.members.slice(i, i + MEMBERS_PER_SLICE);
    yield (i ? ',' : '') + slice.map((m) => JSON.stringify(m)).join(',');
  }
  yield ']}';
}

/** Writes the whole snapshot now (start-up, reset, control-API changes). */
export function writeSnapshotSync(file: string, state: SandboxState, logGen: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    let buf = '';
    for (const piece of snapshotPieces(state, logGen)) {
      buf += piece;
      if (buf.length >= WRITE_BYTES) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDirSync(dirname(file));
}

/**
 * Writes the snapshot in the background: one slice of JSON per turn of the
 * event loop, so writes keep being answered meanwhile. Resolves false (and
 * leaves the old file) when `aborted()` turns true before the rename.
 */
export async function writeSnapshotInBackground(file: string, state: SandboxState, logGen: number, aborted: () => boolean): Promise<boolean> {
  const tmp = `${file}.tmp-${process.pid}-bg`;
  const fh = await open(tmp, 'w');
  let ok = false;
  try {
    let buf = '';
    for (const piece of snapshotPieces(state, logGen)) {
      buf += piece;
      if (buf.length >= WRITE_BYTES) {
        await fh.write(buf);
        buf = '';
      } else {
        // Give queued requests their turn between slices even when nothing is written.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      if (aborted()) return false;
    }
    await fh.write(buf);
    await fh.sync();
    ok = true;
  } finally {
    await fh.close();
    if (!ok) await rm(tmp, { force: true });
  }
  if (aborted()) {
    await rm(tmp, { force: true });
    return false;
  }
  // Renamed in this same turn as the check above: a save made meanwhile by
  // writeSnapshotSync (which aborts this one first) can never be overwritten.
  renameSync(tmp, file);
  const dir = await open(dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
  return true;
}

export function fsyncDirSync(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
