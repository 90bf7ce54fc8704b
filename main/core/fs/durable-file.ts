import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, write, writeSync } from 'node:fs';
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

/**
 * A file written only at its end, each append on disk before it resolves.
 * Appends are serialised, so lines never interleave; a crash can at worst
 * leave the last append partly written, which readers must detect (see
 * readJsonLines).
 */
export class DurableAppender {
  private fd: number | undefined;
  private readonly pending: Buffer[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Opens (creating it and its folder if need be) `file` for appending. */
  static open(file: string, mode = 0o600): DurableAppender {
    mkdirSync(dirname(file), { recursive: true });
    const fd = openSync(file, 'a', mode);
    fsyncDirSync(dirname(file));
    return new DurableAppender(file, fd);
  }

  /**
   * Appends `text` and resolves once it is on disk. Appends made while an
   * fsync runs are gathered into the next write: one fsync for many lines.
   */
  append(text: string): Promise<void> {
    if (this.fd === undefined) return Promise.reject(new Error(`${basename(this.file)} is closed`));
    this.pending.push(Buffer.from(text));
    return this.flush();
  }

  /** Appends synchronously and durably: for the rare caller that must not yield before it is on disk. */
  appendSync(text: string): void {
    if (this.fd === undefined) throw new Error(`${basename(this.file)} is closed`);
    const data = Buffer.from(text);
    for (let offset = 0; offset < data.length; ) offset += writeSync(this.fd, data, offset);
    fsyncSync(this.fd);
  }

  private flush(): Promise<void> {
    // Everything pending now goes out with the next write; callers wait for that write's fsync.
    const run = (this.flushing ?? Promise.resolve()).then(() => this.writePending());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  private async writePending(): Promise<void> {
    if (this.pending.length === 0) return;
    const fd = this.fd;
    if (fd === undefined) throw new Error(`${basename(this.file)} is closed`);
    const data = Buffer.concat(this.pending.splice(0));
    await new Promise<void>((resolve, reject) => {
      const writeFrom = (offset: number): void => {
        write(fd, data, offset, data.length - offset, null, (err, written) => {
          if (err) return reject(err);
          if (offset + written < data.length) return writeFrom(offset + written);
          fsync(fd, (syncErr) => (syncErr ? reject(syncErr) : resolve()));
        });
      };
      writeFrom(0);
    });
  }

  async close(): Promise<void> {
    await this.flushing;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
