/**
 * A sandbox in a process of its own for sandbox-writes.bench.ts, so the
 * event-loop delay it reports is the sandbox's alone, not the client's.
 * Started with child_process.fork; options as JSON in argv[2]. Answers
 * messages {cmd, id} with {id, ...result}. Its first message (id 0) says
 * how long startSandbox took, in wall and CPU time, and when it was called.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver, type IntervalHistogram } from 'node:perf_hooks';
import { startSandbox, type StartOptions } from '../../main/sandbox/index.js';

export interface Targets {
  /** Active plain members, never in `group`. */
  plain: string[];
  group: string;
}

export type Command = 'targets' | 'monitor-start' | 'monitor-stop' | 'compact' | 'close';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2]) as StartOptions;
  // On the shared clock, so the parent can time the first answer from here.
  const launchedAt = performance.timeOrigin + performance.now();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const sb = await startSandbox(options);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  let h: IntervalHistogram | undefined;
  // Garbage-collection pauses while monitoring: how much of the event-loop delay they explain.
  const gc = { count: 0, totalMs: 0, maxMs: 0 };
  const gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gc.count++;
      gc.totalMs += e.duration;
      gc.maxMs = Math.max(gc.maxMs, e.duration);
    }
  });
  let compaction: Promise<boolean> | undefined;

  const handle = async (cmd: Command): Promise<Record<string, unknown>> => {
    if (process.env.BENCH_TRACE_GC) console.log(`-- ${cmd} at ${Math.round(performance.now())} ms`);
    switch (cmd) {
      case 'targets': {
        const store = sb.sandbox.store;
        const group = store.state.groups.find((g) => g.managementType !== 'system_managed')!.groupId;
        const plain = store.state.members
          .filter((m) => m.status === 'active' && m.roleIds.length === 0 && !store.groupsOf(m.teamMemberId).includes(group))
          .map((m) => m.teamMemberId);
        return { plain, group } satisfies Targets;
      }
      case 'monitor-start':
        h = monitorEventLoopDelay({ resolution: 1 });
        h.enable();
        Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
        gcObserver.observe({ entryTypes: ['gc'] });
        return {};
      case 'monitor-stop':
        h!.disable();
        gcObserver.disconnect();
        return { p99: h!.percentile(99) / 1e6, max: h!.max / 1e6, gc: { ...gc } };
      case 'compact':
        compaction = sb.sandbox.compact();
        return {};
      case 'close':
        await compaction;
        await sb.close();
        setImmediate(() => process.exit(0));
        return {};
    }
  };
  process.on('message', (msg: { cmd: Command; id: number }) => {
    void handle(msg.cmd).then((result) => process.send!({ id: msg.id, ...result }));
  });
  process.send!({ id: 0, url: sb.url, accessToken: sb.accessToken, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, launchedAt });
}

void main();
