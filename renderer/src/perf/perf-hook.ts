/**
 * window.__tkPerf: the User Timing measures of perf-marks.ts, for the
 * benchmark. Installed by the test build only (inspect/test-hooks.ts).
 */
export interface PerfHook {
  measures(): Array<{ name: string; duration: number }>;
  clear(): void;
}

declare global {
  interface Window {
    __tkPerf?: PerfHook;
  }
}

export function installPerfHook(): void {
  window.__tkPerf = {
    measures: () =>
      performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('tk:'))
        .map((e) => ({ name: e.name, duration: e.duration })),
    clear: () => performance.clearMeasures(),
  };
}
