import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SandboxState } from './types.js';

/** Loads a saved sandbox team, or undefined when the file does not exist yet. */
export function loadState(file: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const state = JSON.parse(text) as SandboxState;
  if (state.version !== 1) throw new Error(`Sandbox state file ${file} has unknown version ${String(state.version)}`);
  return state;
}

/**
 * Saves atomically (write a temp file, then rename) so that a crash mid-write
 * never leaves a truncated team behind. Saves are coalesced: many writes in a
 * burst cost one save.
 */
export class StateSaver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private file: string,
    private snapshot: () => SandboxState,
    private delayMs = 50,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.saveNow();
    }, this.delayMs);
  }

  saveNow(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.file);
  }
}
