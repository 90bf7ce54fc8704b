import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isAscii } from 'node:buffer';
import type { SandboxState } from './types.js';
import { ColumnBuilder } from './columnar-encode.js';
import { decodeColumn } from './columnar-decode.js';
import type { Column } from './columnar.js';

/**
 * The saved team: the state, plus `logGen`, the first change-log generation
 * still to replay over it. Written whole only by atomic replace (temp file,
 * fsync, rename, fsync of the directory), so a kill at any moment leaves
 * either the old file or the new one.
 *
 * Format 2 (written since start-up had to fit in a second for 50,000
 * members): `{"version":2,"logGen":N,"state":COLUMN}`, the state as a
 * one-row column of columnar.ts, about a third of the JSON's size and
 * several times faster to load. Format 1, read still and upgraded by the
 * next save: the state itself as JSON with `logGen` beside its fields.
 */
export interface Snapshot {
  state: SandboxState;
  logGen: number;
  /** The file's format: 1 is upgraded by the next save. */
  version: 1 | 2;
}

/** Bytes gathered before each write to the temp file. */
const WRITE_BYTES = 1 << 20;

/**
 * The snapshot as pieces of JSON text, each made when asked for, so a caller
 * can yield to the event loop between them (an empty piece is only such a
 * pause). Records are read live: one that a write changes while the snapshot
 * is being made may be saved old or new, and the change log from `logGen` on
 * replays it to its final value either way.
 */
export function* snapshotPieces(state: SandboxState, logGen: number): Generator<string> {
  const columns = new ColumnBuilder();
  for (const _ of columns.addInSlices(state)) yield '';
  yield `{"version":2,"logGen":${logGen},"state":`;
  for (const piece of columns.text()) yield asciiOnly(piece);
  yield '}';
}

/** The saved team in FILE, in either format; undefined when there is no FILE. */
export function readSnapshot(file: string): Snapshot | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  // Snapshots are written as ASCII; older saves may hold raw UTF-8.
  const snap = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as { version?: unknown; logGen?: unknown; state?: Column };
  const logGen = typeof snap.logGen === 'number' ? snap.logGen : 0;
  if (snap.version === 1) {
    delete snap.logGen;
    return { state: snap as unknown as SandboxState, logGen, version: 1 };
  }
  if (snap.version !== 2) throw new Error(`Sandbox state file ${file} has unknown version ${String(snap.version)}`);
  let state: SandboxState;
  try {
    state = decodeColumn(snap.state!, 1)[0] as SandboxState;
  } catch (err) {
    throw new Error(`Sandbox state file ${file} is damaged: ${(err as Error).message}`, { cause: err });
  }
  if (state?.version !== 1) throw new Error(`Sandbox state file ${file} is damaged: it holds no sandbox team`);
  return { state, logGen, version: 2 };
}

/**
 * Escapes everything outside ASCII (names such as "Łucja" or "O’Brien"), so
 * the whole file is ASCII and loads as a one-byte string: half the decoding
 * work of UTF-8 at start-up and half the memory.
 */
function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Gathers the snapshot's pieces (ASCII, one byte a character) into one
 * reused buffer of WRITE_BYTES. Copied into bytes at once, each piece is
 * garbage straight away: kept as a string until its write, every piece
 * would survive a garbage collection or two and be copied by it.
 */
class PieceBuffer {
  private readonly buf = Buffer.allocUnsafe(WRITE_BYTES);
  private used = 0;

  /** Whether `piece` fits; when not, take() the bytes and write them first. */
  fits(piece: string): boolean {
    return piece.length <= WRITE_BYTES - this.used;
  }

  /** Copies in a piece that fits. */
  put(piece: string): void {
    this.used += this.buf.write(piece, this.used, 'latin1');
  }

  /** The bytes gathered, to be written before the next put(). */
  take(): Buffer {
    const bytes = this.buf.subarray(0, this.used);
    this.used = 0;
    return bytes;
  }
}

/** Writes the whole snapshot now (start-up, reset, control-API changes). */
export function writeSnapshotSync(file: string, state: SandboxState, logGen: number): void {
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  try {
    const out = new PieceBuffer();
    for (const piece of snapshotPieces(state, logGen)) {
      if (out.fits(piece)) out.put(piece);
      else {
        writeAllSync(fd, out.take());
        if (out.fits(piece)) out.put(piece);
        else writeAllSync(fd, Buffer.from(piece, 'latin1'));
      }
    }
    writeAllSync(fd, out.take());
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDirSync(dirname(file));
}

function writeAllSync(fd: number, bytes: Buffer): void {
  let off = 0;
  while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
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
    const writeAll = async (bytes: Buffer) => {
      let off = 0;
      while (off < bytes.length) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten;
    };
    const out = new PieceBuffer();
    for (const piece of snapshotPieces(state, logGen)) {
      if (out.fits(piece)) {
        out.put(piece);
        // Give queued requests their turn between slices even when nothing is written.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await writeAll(out.take());
        if (out.fits(piece)) out.put(piece);
        else await writeAll(Buffer.from(piece, 'latin1'));
      }
      if (aborted()) return false;
    }
    await writeAll(out.take());
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
