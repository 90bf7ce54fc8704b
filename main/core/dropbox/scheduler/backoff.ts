/**
 * "Full jitter" exponential backoff: a uniform pick in [0, min(cap, base·2^(n-1))).
 * Spreading retries over the whole window keeps clients that failed together
 * from coming back together.
 */
export function fullJitterDelay(failures: number, baseMs: number, capMs: number, random: () => number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}
