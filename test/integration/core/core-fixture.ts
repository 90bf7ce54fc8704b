import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { AppEvent, ExportCsvResult } from '../../../preload/contract.js';
import { MemorySecretStore } from '../../../main/core/auth/secret-store.js';
import type { CsvDelivery, ExportSink } from '../../../main/core/reports/export-sink.js';
import { TeamkeeperService, type ServiceOptions } from '../../../main/core/service.js';
import { JsonSettingsStore } from '../../../main/core/settings/json-settings-store.js';
import type { SandboxTeamOptions } from '../../../main/core/auth/sandbox-team.js';

/** An ExportSink that keeps the last file in memory, as a save dialog would have written it. */
export class MemoryExportSink implements ExportSink {
  last?: { fileName: string; bytes: Buffer };

  async deliver(delivery: CsvDelivery): Promise<ExportCsvResult> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const { rows, bytes } = await delivery.write(out);
    this.last = { fileName: delivery.fileName, bytes: Buffer.concat(chunks) };
    return { kind: 'saved', rows, bytes, fileName: delivery.fileName };
  }
}

export interface CoreFixture<S extends ExportSink = MemoryExportSink> {
  service: TeamkeeperService;
  events: AppEvent[];
  sink: S;
  secrets: MemorySecretStore;
  dataDir: string;
}

/** Launch options and test timings: --dropbox-url, --oauth-port, shorter retries and probes. */
export type ExtraServiceOptions = Partial<Pick<ServiceOptions, 'dropboxUrl' | 'oauthPort' | 'preferSandbox' | 'secretsPersist' | 'client' | 'probe' | 'opener' | 'jobConcurrency'>>;

/** The core as the app builds it, on a fresh data dir, with the sandbox team of the given size. */
export function startCore(sandbox?: SandboxTeamOptions, reuse?: Pick<CoreFixture, 'dataDir' | 'secrets'>): Promise<CoreFixture>;
export function startCore<S extends ExportSink>(
  sandbox: SandboxTeamOptions,
  reuse: Pick<CoreFixture, 'dataDir' | 'secrets'> | undefined,
  sink: S,
  extra?: ExtraServiceOptions,
): Promise<CoreFixture<S>>;
export async function startCore(
  sandbox: SandboxTeamOptions = {},
  reuse?: Pick<CoreFixture, 'dataDir' | 'secrets'>,
  sink: ExportSink = new MemoryExportSink(),
  extra: ExtraServiceOptions = {},
): Promise<CoreFixture<ExportSink>> {
  const dataDir = reuse?.dataDir ?? mkdtempSync(join(tmpdir(), 'tk-core-'));
  const secrets = reuse?.secrets ?? new MemorySecretStore();
  const service = await TeamkeeperService.start({
    mode: 'browser',
    version: '0.0.0-test',
    dataDir,
    secrets,
    settings: new JsonSettingsStore(dataDir),
    exportSink: sink,
    sandbox,
    now: () => new Date(2026, 4, 17, 12, 0),
    ...extra,
  });
  const events: AppEvent[] = [];
  service.onEvent((e) => events.push(e));
  return { service, events, sink, secrets, dataDir };
}
