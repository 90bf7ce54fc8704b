import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Api, ApiMethod, AppErrorInfo, AppEvent, ExportCsvResult } from '../../../../preload/contract.js';
import { DownloadRegistry } from '../../../../main/browser-host/downloads.js';
import { startBrowserHost, type BrowserHost } from '../../../../main/browser-host/server.js';
import type { SandboxTeamOptions } from '../../../../main/core/auth/sandbox-team.js';
import { startCore, type CoreFixture, type ExtraServiceOptions } from '../core-fixture.js';

/** The core behind the browser host, driven as the renderer drives it: POST /rpc over real HTTP. */
export interface HostedCore {
  core: CoreFixture<DownloadRegistry>;
  host: BrowserHost;
  /** Events with the sequence number the transports pass on. */
  events: Array<{ event: AppEvent; seq: number }>;
  call<M extends ApiMethod>(method: M, arg?: unknown): Promise<Awaited<ReturnType<Api[M]>>>;
  /** The error envelope of a call that must fail. */
  refusal(method: string, arg?: unknown): Promise<AppErrorInfo>;
  /** Fetches an export's download with a one-time ticket, as the bridge does. */
  download(result: ExportCsvResult): Promise<string>;
  close(): Promise<void>;
}

function rendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tk-renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Teamkeeper</title>');
  return dir;
}

export async function startHostedCore(sandbox: SandboxTeamOptions, reuse?: Pick<CoreFixture, 'dataDir' | 'secrets'>, extra: ExtraServiceOptions = {}): Promise<HostedCore> {
  const core = await startCore(sandbox, reuse, new DownloadRegistry(), extra);
  const host = await startBrowserHost({ app: core.service, downloads: core.sink, rendererDir: rendererDir() });
  const events: HostedCore['events'] = [];
  core.service.onEvent((event, seq) => events.push({ event, seq }));

  async function post(path: string, body: unknown): Promise<{ ok: boolean; result?: unknown; error?: AppErrorInfo }> {
    const res = await fetch(`${host.origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { ok: boolean; result?: unknown; error?: AppErrorInfo };
  }

  return {
    core,
    host,
    events,
    async call(method, arg) {
      const envelope = await post('/rpc', { method, arg: arg ?? null });
      if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.result as never;
    },
    async refusal(method, arg) {
      const envelope = await post('/rpc', { method, arg: arg ?? null });
      if (envelope.ok) throw new Error(`${method} was expected to fail but answered ${JSON.stringify(envelope.result).slice(0, 200)}`);
      return envelope.error!;
    },
    async download(result) {
      if (result.kind !== 'download') throw new Error(`expected a download, got ${result.kind}`);
      const id = result.url.slice('/download/'.length);
      const ticket = await post('/tickets', { for: 'download', id });
      const res = await fetch(`${host.origin}${result.url}?ticket=${encodeURIComponent((ticket.result as { ticket: string }).ticket)}`);
      if (res.status !== 200) throw new Error(`download: ${res.status}`);
      return (await res.text()).replace(/^\uFEFF/, '');
    },
    async close() {
      await host.close();
      await core.service.close();
    },
  };
}
