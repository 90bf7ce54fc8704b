import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** CPU time (user + system) of this process and everything it started, by role. */
export type CpuByRole = Map<string, number>;

/** Linux's clock ticks per second for /proc/<pid>/stat, as on every Linux the benches run on. */
const TICKS_PER_SECOND = 100;

/** What a process is in these benches, from its command line. */
function roleOf(pid: number, cmdline: string): string {
  if (pid === process.pid) return 'bench (the bare SDK client)';
  if (cmdline.includes('chromium') || cmdline.includes('chrome')) {
    // Chromium's processes apart (renderer, gpu-process, network service): which one a page's work lands in.
    const type = /--type=(\S+)/.exec(cmdline)?.[1];
    const sub = /--utility-sub-type=(\S+)/.exec(cmdline)?.[1];
    return `browser${type ? ` ${sub ?? type}` : ''}`;
  }
  if (/^\S*npm /.test(cmdline)) return 'npm (launchers)';
  if (cmdline.includes('scripts/start.ts') || cmdline.includes('start --')) return 'app host';
  if (cmdline.includes('sandbox')) return 'Dropbox (sandbox)';
  return 'other';
}

/**
 * A reading of the CPU each role has used so far; undefined where /proc is
 * missing (not Linux). On a machine others share, CPU time is the figure a
 * busy neighbour disturbs least: wall time there measures the neighbours too.
 */
export function readCpu(): CpuByRole | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parent = new Map<number, number>();
  const info = new Map<number, { ms: number; cmdline: string }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      const ticks = Number(fields[11]) + Number(fields[12]);
      info.set(Number(name), { ms: (ticks * 1000) / TICKS_PER_SECOND, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // The process ended while we read.
    }
  }
  const ours = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p !== undefined && hops < 64; p = parent.get(p), hops++) if (p === process.pid) return true;
    return false;
  };
  const byRole: CpuByRole = new Map();
  for (const [pid, { ms, cmdline }] of info) {
    if (!ours(pid)) continue;
    const role = roleOf(pid, cmdline);
    byRole.set(role, (byRole.get(role) ?? 0) + ms);
  }
  return byRole;
}

/** CPU each role used between two readings (processes that started in between count from zero). */
export function cpuBetween(before: CpuByRole, after: CpuByRole): CpuByRole {
  const used: CpuByRole = new Map();
  for (const [role, ms] of after) used.set(role, Math.max(0, ms - (before.get(role) ?? 0)));
  return used;
}
