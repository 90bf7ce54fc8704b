import { closeSync, fstatSync, fsync, fsyncSync, ftruncateSync, mkdirSync, openSync, renameSync, unlinkSync, write, writeSync } from 'node:fs';
import { open, mkdir, rename, unlink } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

/**
 * Points where a crash can strike during a replace; tests hook them to prove
 * that a reader then sees the old or the new content, never a mix.
 */
export type ReplaceStep = 'written' | 'synced' | 'renamed';

export interface ReplaceOptions {
  /** File mode of a newly created file (0o600 for secrets). */
  mode?: number;
  /** Test hook, called after each step; throwing (or exiting) there simulates a crash. */
  onStep?: (step: ReplaceStep) => void;
}

function tmpPathOf(file: string): string {
  // pid + a counter: two replaces of one file in one process never share a temp file.
  return join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${++tmpCounter}`);
}
let tmpCounter = 0;

/**
 * A rename is durable only once the directory entry itself is on disk.
 * Windows cannot open a directory for fsync; NTFS journals the rename itself.
 */
function fsyncDirSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `data` so that after a crash at any moment the file
 * holds either the old content or the new, whole: write a temp file beside it,
 * fsync it, rename it over the old one, fsync the directory.
 */
export function replaceFileSync(file: string, data: string | Uint8Array, options: ReplaceOptions = {}): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const tmp = tmpPathOf(file);
  const fd = openSync(tmp, 'w', options.mode ?? 0o666);
  try {
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      options.onStep?.('written');
      fsyncSync(fd);
      options.onStep?.('synced');
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // Already gone or never made: nothing to tidy.
    }
    throw err;
  }
  options.onStep?.('renamed');
  fsyncDirSync(dir);
}

/** replaceFileSync without blocking the event loop. */
export async function replaceFile(file: string, data: string | Uint8Array, options: ReplaceOptions = {}): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = tmpPathOf(file);
  const handle = await open(tmp, 'w', options.mode ?? 0o666);
  try {
    try {
      await handle.writeFile(typeof data === 'string' ? Buffer.from(data) : data);
      options.onStep?.('written');
      await handle.sync();
      options.onStep?.('synced');
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
  options.onStep?.('renamed');
  await fsyncDir(dir);
}

export interface AppendOptions {
  /** File mode of a newly created file. */
  mode?: number;
  /**
   * Test hook, called before each write with the bytes about to go out:
   * returning n writes only the first n of them and then fails the write as a
   * full disk would (ENOSPC), to prove a torn append is undone.
   */
  tearWrite?: (data: Buffer) => number | undefined;
}

function diskFull(): NodeJS.ErrnoException {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
}

/**
 * A file written only at its end, each append on disk before it resolves.
 * Appends are serialised, so lines never interleave; a crash can at worst
 * leave the last append partly written, which readers must detect (see
 * readJsonLines). A write or fsync that fails (a full disk, an I/O error) is
 * undone by cutting the file back to its last good length, so a later append
 * never lands after torn bytes; when even that fails the appender is broken
 * and refuses appends until the file is reopened (and repaired by its reader).
 */
export class DurableAppender {
  private fd: number | undefined;
  private readonly pending: Buffer[] = [];
  private flushing: Promise<void> | undefined;
  /** The write that will carry what is pending now: every append waiting in it shares its fate. */
  private batch: Promise<void> | undefined;
  /** Bytes known whole and on disk. */
  private goodLength: number;
  private broken: Error | undefined;

  private constructor(
    readonly file: string,
    fd: number,
    private readonly options: AppendOptions,
  ) {
    this.fd = fd;
    this.goodLength = fstatSync(fd).size;
  }

  /** Opens (creating it and its folder if need be) `file` for appending. */
  static open(file: string, options: AppendOptions = {}): DurableAppender {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a', options.mode ?? 0o600);
    fsyncDirSync(dirname(file));
    return new DurableAppender(file, fd, options);
  }

  /**
   * Appends `text` and resolves once it is on disk. Appends made while an
   * fsync runs are gathered into the next write: one fsync for many lines.
   */
  append(text: string): Promise<void> {
    if (this.fd === undefined) return Promise.reject(new Error(`${basename(this.file)} is closed`));
    if (this.broken) return Promise.reject(this.broken);
    this.pending.push(Buffer.from(text));
    this.batch ??= this.flush();
    return this.batch;
  }

  /** Appends synchronously and durably: for the rare caller that must not yield before it is on disk. */
  appendSync(text: string): void {
    if (this.fd === undefined) throw new Error(`${basename(this.file)} is closed`);
    if (this.broken) throw this.broken;
    const fd = this.fd;
    const data = Buffer.from(text);
    try {
      const cut = this.options.tearWrite?.(data);
      const end = cut ?? data.length;
      for (let offset = 0; offset < end; ) offset += writeSync(fd, data, offset, end - offset);
      if (cut !== undefined) throw diskFull();
      fsyncSync(fd);
    } catch (err) {
      this.undo(fd);
      throw err;
    }
    this.goodLength += data.length;
  }

  /** Cuts off whatever a failed write left; if that fails too, no append is trusted until a reopen. */
  private undo(fd: number): void {
    try {
      ftruncateSync(fd, this.goodLength);
      fsyncSync(fd);
    } catch {
      this.broken = new Error(`${basename(this.file)} could not be written and could not be repaired; it is repaired when next opened`);
    }
  }

  private flush(): Promise<void> {
    // Everything pending when the write starts goes out in it, and each of those appends waits for
    // that write's fsync (and hears of its failure); appends made after it start belong to the next.
    const run = (this.flushing ?? Promise.resolve()).then(() => {
      this.batch = undefined;
      return this.writePending();
    });
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${basename(this.file)} is closed`);
    const data = Buffer.concat(this.pending.splice(0));
    if (this.broken) throw this.broken;
    const cut = this.options.tearWrite?.(data);
    const end = cut ?? data.length;
    try {
      await new Promise<void>((resolve, reject) => {
        const writeFrom = (offset: number): void => {
          if (offset >= end) {
            if (cut !== undefined) return reject(diskFull());
            fsync(fd, (syncErr) => (syncErr ? reject(syncErr) : resolve()));
            return;
          }
          write(fd, data, offset, end - offset, null, (err, written) => (err ? reject(err) : writeFrom(offset + written)));
        };
        writeFrom(0);
      });
    } catch (err) {
      this.undo(fd);
      throw err;
    }
    this.goodLength += data.length;
  }

  async close(): Promise<void> {
    await this.flushing;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
