import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { ensureBuilt } from '../../scripts/ensure-build.js';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../e2e/support/find-chromium.js';
import { launchApp } from '../e2e/support/launch-app.js';
import { memberCount } from '../e2e/support/browser-session.js';
import { sandboxAdmin } from '../e2e/support/sandbox-admin.js';
import { startExternalSandbox } from '../e2e/support/external-sandbox.js';
import { answerSandboxConsent } from '../../main/core/auth/sandbox-consent.js';
import { bareSdkListing, timed } from './bare-sdk-listing.js';
import { cpuBetween, readCpu, type CpuByRole } from './process-cpu.js';

const MEMBERS = 50_000;
/** Timed rounds (a bare listing, then a refresh; BENCH_ROUNDS=n for more); the heap budget is read after the fifth. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const HEAP_AFTER = 5;
const BYTES_BUDGET = 1024 * 1024;
const TIME_BUDGET = 1.1;
const HEAP_BUDGET = 1.2;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');


/**
 * Installed before the app loads: notes, on the page's clock, when each
 * event-stream message and each RPC answer arrives, so a refresh can be split
 * into the part before the host's sync, the sync, and the renderer's part.
 */
function recordArrivals(): void {
  // No named arrow functions in here: tsx would wrap them in a helper the page lacks.
  const w = window as unknown as { __tkArrivals: Array<[number, string]> };
  const log: Array<[number, string]> = (w.__tkArrivals = []);
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url: string | URL, init?: EventSourceInit) {
      super(url, init);
      // Registered before the app's own listener, so it runs first.
      this.addEventListener('message', (e) => {
        const event = JSON.parse((e as MessageEvent<string>).data) as { type: string; phase?: string };
        log.push([performance.now(), event.phase ? `${event.type}:${event.phase}` : event.type]);
      });
    }
  };
  const nativeFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const method = typeof init?.body === 'string' ? (JSON.parse(init.body) as { method?: string }).method : undefined;
    if (method) log.push([performance.now(), `rpc-sent:${method}`]);
    const res = await nativeFetch(input, init);
    if (method) log.push([performance.now(), `rpc-answered:${method}`]);
    return res;
  };
}

/** Where one refresh's time went, from the page's arrival notes; all figures are ms since the click. */
interface Timeline {
  total: number;
  /** The request left the page: the click's own work before it. */
  sent: number;
  /** The sync's started event arrived: the click, the request, the host starting the sync. */
  started: number;
  /** The first page count arrived: the first page was listed. */
  firstProgress: number;
  /** The RPC answer arrived: the sync, the diff and the transport are done. */
  answered: number;
}

/** Click Refresh inside the page and time it until the frame after the sync ended is painted. */
async function refreshUntilPainted(page: Page): Promise<Timeline> {
  const { total, arrivals } = await page.evaluate(
    () =>
      new Promise<{ total: number; arrivals: Array<[number, string]> }>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Refresh');
        if (!button) return reject(new Error('no Refresh button'));
        const log = (window as unknown as { __tkArrivals: Array<[number, string]> }).__tkArrivals;
        let started = false;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const busy = button.getAttribute('aria-disabled') === 'true';
          if (busy) started = true;
          else if (started) {
            observer.disconnect();
            // rAF runs just before the next paint; a message posted from it runs just after.
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                const end = performance.now();
                resolve({ total: end - t0, arrivals: log.filter(([t]) => t >= t0 && t <= end).map(([t, what]) => [t - t0, what]) });
              };
              channel.port2.postMessage(null);
            });
          }
        });
        observer.observe(button, { attributes: true, attributeFilter: ['aria-disabled'] });
        button.click();
      }),
  );
  const at = (what: string) => arrivals.find(([, w]) => w === what)?.[0] ?? NaN;
  return {
    total,
    sent: at('rpc-sent:syncDirectory'),
    started: at('directory.sync:started'),
    firstProgress: at('directory.sync:progress'),
    answered: at('rpc-answered:syncDirectory'),
  };
}

/** Bytes the page received over the network (answers and event-stream messages) while `run` ran. */
async function bytesReceived(cdp: CDPSession, run: () => Promise<unknown>): Promise<number> {
  let bytes = 0;
  const finished = (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength);
  const message = (e: { data: string }) => (bytes += Buffer.byteLength(e.data));
  cdp.on('Network.loadingFinished', finished);
  cdp.on('Network.eventSourceMessageReceived', message);
  try {
    await run();
    // Let the last event-stream messages of the sync arrive.
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    cdp.off('Network.loadingFinished', finished);
    cdp.off('Network.eventSourceMessageReceived', message);
  }
  return bytes;
}

/** The renderer main thread's running totals (seconds, and counts), from DevTools' Performance domain. */
type MainThread = Record<'TaskDuration' | 'ScriptDuration' | 'LayoutDuration' | 'LayoutCount', number>;

async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { TaskDuration: value('TaskDuration'), ScriptDuration: value('ScriptDuration'), LayoutDuration: value('LayoutDuration'), LayoutCount: value('LayoutCount') };
}

const used = (a: MainThread, b: MainThread): MainThread => ({
  TaskDuration: b.TaskDuration - a.TaskDuration,
  ScriptDuration: b.ScriptDuration - a.ScriptDuration,
  LayoutDuration: b.LayoutDuration - a.LayoutDuration,
  LayoutCount: b.LayoutCount - a.LayoutCount,
});

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** The app's own RPC with the per-run token of its URL. */
async function appRpc<T>(appUrl: string, method: string, arg: unknown = null): Promise<T> {
  const url = new URL(appUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
  const res = await fetch(`${url.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ method, arg }),
  });
  const body = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result as T;
}

/**
 * Connects the separately started sandbox as a real team, as an admin would:
 * loopback sign-in, the consent answered as the team's first admin, the code
 * delivered to the app's redirect listener.
 */
async function connectTeam(appUrl: string, clientId: string, dropboxUrl: string): Promise<void> {
  const attempt = await appRpc<{ authorizeUrl: string }>(appUrl, 'startConnect', { appKey: clientId, mode: 'loopback' });
  const params = new URL(attempt.authorizeUrl).searchParams;
  const pending = { url: attempt.authorizeUrl, state: params.get('state')!, redirectUri: params.get('redirect_uri')! };
  const code = await answerSandboxConsent(pending, dropboxUrl);
  const redirect = new URL(pending.redirectUri);
  redirect.searchParams.set('code', code);
  redirect.searchParams.set('state', pending.state);
  await (await fetch(redirect)).arrayBuffer();
  const deadline = Date.now() + 60_000;
  for (;;) {
    const active = await appRpc<{ kind: string; state: string } | null>(appUrl, 'getActiveConnection');
    if (active?.kind === 'dropbox' && active.state === 'connected') return;
    if (Date.now() > deadline) throw new Error(`the connected team did not become active: ${JSON.stringify(active)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
const ms = (n: number) => `${Math.round(n)} ms`;

/**
 * Refreshing an unchanged 50,000-member team in the built app (browser mode,
 * Chromium): bytes that reach the renderer against the whole snapshot a
 * refresh used to send, time from the click to the painted result against a
 * bare SDK listing of the same team, and the renderer's heap after five
 * refreshes against after the first.
 */
export default async function benchDirectoryRefresh(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  ensureBuilt((line) => console.log(line), true);
  // "Dropbox" in a process of its own, as for a real team: the app's sync and the bare
  // SDK loop are then both clients in another process than the server they list.
  const dropbox = await startExternalSandbox(root, { tokenTtlSeconds: 14_400, members: MEMBERS });
  const app = await launchApp(root, ['--dropbox-url', dropbox.url, '--oauth-port', '0']).catch(async (err: unknown) => {
    await dropbox.stop();
    throw err;
  });
  const browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    await connectTeam(app.appUrl, dropbox.clientId, dropbox.url);
    const dbx = await sandboxAdmin(dropbox.url, dropbox.accessToken);
    // What a refresh sent before deltas: the whole snapshot, as the host answers it.
    const wholeBytes = Buffer.byteLength(JSON.stringify({ ok: true, result: await appRpc(app.appUrl, 'refreshDirectory', { includeRemoved: false }) }));
    // BENCH_NO_PAGE=1: the host's sync answered to this process, with no page listening, against the
    // bare listing: what the browser's share of a refresh is, by leaving it out.
    if (process.env.BENCH_NO_PAGE) {
      let version = (await appRpc<{ version: string }>(app.appUrl, 'refreshDirectory', { includeRemoved: false })).version;
      const hostOnly: number[] = [];
      const bareOnly: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        bareOnly.push((await timed(() => bareSdkListing(dbx))).ms);
        const t0 = performance.now();
        const u = await appRpc<{ kind: string; delta: { to: string } }>(app.appUrl, 'syncDirectory', { includeRemoved: false, since: version });
        hostOnly.push(performance.now() - t0);
        version = u.delta.to;
      }
      console.log(`no page: the host's sync vs bare listing:  ${ms(median(hostOnly))} vs ${ms(median(bareOnly))} → ${(median(hostOnly) / median(bareOnly)).toFixed(3)} (round by round ${hostOnly.map((h, i) => (h / bareOnly[i]).toFixed(2)).join(', ')})`);
    }

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    await page.addInitScript(recordArrivals);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(app.appUrl);
    await page.getByRole('grid', { name: 'Members' }).waitFor({ timeout: 180_000 });
    const { total } = await memberCount(page);


    await bareSdkListing(dbx); // warm-up
    const bare: number[] = [];
    const painted: number[] = [];
    const timelines: Timeline[] = [];
    let heapFirst = 0;
    // Timed with DevTools' network recording off: it costs the browser and this
    // process CPU on every event-stream message, which no user's refresh pays.
    const bareCpu: CpuByRole[] = [];
    const refreshCpu: CpuByRole[] = [];
    const mainThreadUse: MainThread[] = [];
    let heapAfter = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const c0 = readCpu();
      const b = await timed(() => bareSdkListing(dbx));
      const c1 = readCpu();
      const m0 = await mainThread(cdp);
      const timeline = await refreshUntilPainted(page);
      const c2 = readCpu();
      mainThreadUse.push(used(m0, await mainThread(cdp)));
      if (c0 && c1 && c2) {
        bareCpu.push(cpuBetween(c0, c1));
        refreshCpu.push(cpuBetween(c1, c2));
      }
      painted.push(timeline.total);
      timelines.push(timeline);
      bare.push(b.ms);
      if (b.count !== total) throw new Error(`the SDK listed ${b.count} members, the app shows ${total}`);
      if (i === 0) heapFirst = await heapAfterGc(cdp);
      if (i === HEAP_AFTER - 1) heapAfter = await heapAfterGc(cdp);
    }
    // BENCH_TRACE=file.json: a Chromium trace of one more refresh, for chrome://tracing or Perfetto.
    if (process.env.BENCH_TRACE) {
      await browser.startTracing(page, { path: process.env.BENCH_TRACE, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'blink', 'cc', 'viz'] });
      await refreshUntilPainted(page);
      await browser.stopTracing();
    }
    // The bytes, in refreshes of their own with the recording on.
    await cdp.send('Network.enable');
    const sent: number[] = [];
    for (let i = 0; i < 2; i++) sent.push(await bytesReceived(cdp, () => refreshUntilPainted(page)));
    await cdp.send('Network.disable');
    const after = await memberCount(page);
    if (after.total !== total) throw new Error(`the app showed ${total} members before the refreshes and ${after.total} after`);

    const bytes = Math.max(...sent);
    const ratio = median(painted) / median(bare);
    const roundRatios = painted.map((p, i) => p / bare[i]);
    console.log(`members in the directory:                 ${total.toLocaleString('en-US')}`);
    console.log(`bytes to the renderer per refresh (max):  ${bytes.toLocaleString('en-US')} B (${sent.map((n) => n.toLocaleString('en-US')).join(', ')}); whole snapshot ${mb(wholeBytes)} → ${(bytes / wholeBytes).toFixed(4)}× of it; budget < ${mb(BYTES_BUDGET)}: ${bytes < BYTES_BUDGET ? 'met' : 'MISSED'}`);
    console.log(`refresh click → painted:                  median ${ms(median(painted))} (${painted.map(ms).join(', ')})`);
    console.log(`bare SDK listing of the same team:        median ${ms(median(bare))} (${bare.map(ms).join(', ')})`);
    console.log(`painted / bare ratio:                     ${ratio.toFixed(3)} (budget ≤ ${TIME_BUDGET}: ${ratio <= TIME_BUDGET ? 'met' : 'MISSED'}); round by round ${roundRatios.map((r) => r.toFixed(2)).join(', ')}, median ${median(roundRatios).toFixed(3)}`);
    const mid = (pick: (t: Timeline) => number) => ms(median(timelines.map(pick)));
    if (process.env.BENCH_VERBOSE) for (const t of timelines) console.log(JSON.stringify(t, (_, v: unknown) => (typeof v === 'number' ? Math.round(v) : v)));
    console.log(`where the refresh's time went (medians):  click → request sent ${mid((t) => t.sent)}; → sync started event ${mid((t) => t.started - t.sent)}; → first page shown ${mid((t) => t.firstProgress - t.started)}; → answer (the sync, its diff and the transport) ${mid((t) => t.answered - t.started)}; answer → painted ${mid((t) => t.total - t.answered)}`);
    if (bareCpu.length > 0) {
      const roles = [...new Set([...bareCpu, ...refreshCpu].flatMap((m) => [...m.keys()]))].sort();
      const cpu = (runs: CpuByRole[], role?: string) => median(runs.map((m) => (role ? (m.get(role) ?? 0) : [...m.values()].reduce((a, b) => a + b, 0))));
      const split = (runs: CpuByRole[]) => roles.filter((r) => cpu(runs, r) > 0).map((r) => `${r} ${ms(cpu(runs, r))}`).join(', ');
      console.log(`CPU time, all processes (medians):        refresh ${ms(cpu(refreshCpu))} (${split(refreshCpu)})`);
      console.log(`                                          bare listing ${ms(cpu(bareCpu))} (${split(bareCpu)}) → ${(cpu(refreshCpu) / cpu(bareCpu)).toFixed(3)}×`);
      console.log(`load average when done:                   ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${availableParallelism()} cores`);
    }
    const main = (k: keyof MainThread) => median(mainThreadUse.map((m) => m[k]));
    console.log(`renderer main thread per refresh (median): ${ms(main('TaskDuration') * 1000)} busy, of which script ${ms(main('ScriptDuration') * 1000)}, layout ${ms(main('LayoutDuration') * 1000)} (${main('LayoutCount')} layouts)`);
    console.log(`renderer heap after refresh 1 / ${HEAP_AFTER}:          ${mb(heapFirst)} / ${mb(heapAfter)} → ${(heapAfter / heapFirst).toFixed(3)}× (budget ≤ ${HEAP_BUDGET}: ${heapAfter / heapFirst <= HEAP_BUDGET ? 'met' : 'MISSED'})`);
  } finally {
    await browser.close();
    await app.stop();
    await dropbox.stop();
  }
}
