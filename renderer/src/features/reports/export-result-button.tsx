import { useState } from 'react';
import type { AppErrorInfo, ExportCsvResult } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { formatCount } from '../directory/format.js';
import { triggerDownload } from './trigger-download.js';

type Outcome = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'done'; result: ExportCsvResult } | { kind: 'error'; error: AppErrorInfo };

/**
 * One button that exports a CSV straight away (no options to choose): saved
 * through the system dialog in Electron, downloaded in browser mode; what
 * happened is said beside it.
 */
export function ExportResultButton({ label, run, describedBy }: { label: string; run: () => Promise<ExportCsvResult>; describedBy?: string }) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const start = async () => {
    if (outcome.kind === 'exporting') return;
    setOutcome({ kind: 'exporting' });
    try {
      const result = await run();
      if (result.kind === 'download') triggerDownload(result.url, result.fileName);
      setOutcome({ kind: 'done', result });
    } catch (err) {
      setOutcome({ kind: 'error', error: toAppErrorInfo(err) });
    }
  };

  return (
    <span className="export-result">
      <button type="button" className="button" aria-describedby={describedBy} aria-disabled={outcome.kind === 'exporting' || undefined} onClick={() => void start()}>
        {outcome.kind === 'exporting' ? 'Exporting…' : label}
      </button>
      <span role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'field-error' : 'muted'}>
        {outcomeText(outcome)}
      </span>
    </span>
  );
}

function outcomeText(outcome: Outcome): string {
  if (outcome.kind === 'error') return `Export failed: ${outcome.error.message}`;
  if (outcome.kind !== 'done') return '';
  const { result } = outcome;
  if (result.kind === 'cancelled') return 'Export cancelled; no file was written.';
  if (result.kind === 'saved') return `Exported ${formatCount(result.rows, 'row', 'rows')} to ${result.fileName}.`;
  return `Exported ${formatCount(result.rows, 'row', 'rows')}: ${result.fileName} is downloading.`;
}
