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

const MEMBERS = 50_000;
const REFRESHES = 5;
const BYTES_BUDGET = 1024 * 1024;
const TIME_BUDGET = 1.1;
const HEAP_BUDGET = 1.2;

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');


/** Click Refresh inside the page and time it until the frame after the sync ended is painted. */
function refreshUntilPainted(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Refresh');
        if (!button) return reject(new Error('no Refresh button'));
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
              channel.port1.onmessage = () => resolve(performance.now() - t0);
              channel.port2.postMessage(null);
            });
          }
        });
        observer.observe(button, { attributes: true, attributeFilter: ['aria-disabled'] });
        button.click();
      }),
  );
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

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await page.goto(app.appUrl);
    await page.getByRole('grid', { name: 'Members' }).waitFor({ timeout: 180_000 });
    const { total } = await memberCount(page);


    await bareSdkListing(dbx); // warm-up
    const bare: number[] = [];
    const painted: number[] = [];
    const sent: number[] = [];
    let heapFirst = 0;
    for (let i = 0; i < REFRESHES; i++) {
      const b = await timed(() => bareSdkListing(dbx));
      let took = 0;
      sent.push(await bytesReceived(cdp, async () => (took = await refreshUntilPainted(page))));
      painted.push(took);
      bare.push(b.ms);
      if (b.count !== total) throw new Error(`the SDK listed ${b.count} members, the app shows ${total}`);
      if (i === 0) heapFirst = await heapAfterGc(cdp);
    }
    const heapLast = await heapAfterGc(cdp);
    const after = await memberCount(page);
    if (after.total !== total) throw new Error(`the app showed ${total} members before the refreshes and ${after.total} after`);

    const bytes = Math.max(...sent);
    const ratio = median(painted) / median(bare);
    console.log(`members in the directory:                 ${total.toLocaleString('en-US')}`);
    console.log(`bytes to the renderer per refresh (max):  ${bytes.toLocaleString('en-US')} B (${sent.map((n) => n.toLocaleString('en-US')).join(', ')}); whole snapshot ${mb(wholeBytes)} → ${(bytes / wholeBytes).toFixed(4)}× of it; budget < ${mb(BYTES_BUDGET)}: ${bytes < BYTES_BUDGET ? 'met' : 'MISSED'}`);
    console.log(`refresh click → painted:                  median ${ms(median(painted))} (${painted.map(ms).join(', ')})`);
    console.log(`bare SDK listing of the same team:        median ${ms(median(bare))} (${bare.map(ms).join(', ')})`);
    console.log(`painted / bare ratio:                     ${ratio.toFixed(3)} (budget ≤ ${TIME_BUDGET}: ${ratio <= TIME_BUDGET ? 'met' : 'MISSED'})`);
    console.log(`renderer heap after refresh 1 / ${REFRESHES}:          ${mb(heapFirst)} / ${mb(heapLast)} → ${(heapLast / heapFirst).toFixed(3)}× (budget ≤ ${HEAP_BUDGET}: ${heapLast / heapFirst <= HEAP_BUDGET ? 'met' : 'MISSED'})`);
  } finally {
    await browser.close();
    await app.stop();
    await dropbox.stop();
  }
}
