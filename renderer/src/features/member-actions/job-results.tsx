import { useState } from 'react';
import type { AppErrorInfo, ExportCsvResult, ItemResult } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { formatCount } from '../directory/format.js';
import { triggerDownload } from '../reports/trigger-download.js';
import { itemSubject, outcomeSentence } from './describe-item.js';
import { ErrorLine } from '../../components/error-line.js';

export interface JobResultsProps {
  jobId: string;
  items: readonly ItemResult[];
  total: number;
}

/** The result in words, one line per item, and the CSV of it. */
export function JobResults({ jobId, items, total }: JobResultsProps) {
  const many = total > 1;
  return (
    <div className="job-results">
      <ul className="job-results__items">
        {items.map((item) => (
          <li key={item.index} className={`job-results__item job-results__item--${item.outcome.outcome}`}>
            {many && <span className="job-results__subject">{itemSubject(item)}: </span>}
            {outcomeSentence(item.outcome)}
            {'requestId' in item.outcome && item.outcome.requestId && <span className="choice__hint">Dropbox request id {item.outcome.requestId}</span>}
          </li>
        ))}
      </ul>
      {items.length < total && <p className="muted">{formatCount(total - items.length, 'more item is', 'more items are')} in the export and under Jobs.</p>}
      <ExportResultsButton jobId={jobId} />
    </div>
  );
}

type ExportState = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'done'; result: ExportCsvResult } | { kind: 'error'; error: AppErrorInfo };

function ExportResultsButton({ jobId }: { jobId: string }) {
  const [state, setState] = useState<ExportState>({ kind: 'idle' });
  const run = async () => {
    if (state.kind === 'exporting') return;
    setState({ kind: 'exporting' });
    try {
      const result = await api.exportJobResults({ jobId });
      if (result.kind === 'download') triggerDownload(result.url, result.fileName);
      setState({ kind: 'done', result });
    } catch (err) {
      setState({ kind: 'error', error: toAppErrorInfo(err) });
    }
  };
  return (
    <div className="job-results__export">
      <button type="button" className="button" aria-disabled={state.kind === 'exporting' || undefined} onClick={() => void run()}>
        {state.kind === 'exporting' ? 'Exporting…' : 'Export results (CSV)'}
      </button>
      {state.kind === 'error' ? (
        <ErrorLine>Export failed: {state.error.message}</ErrorLine>
      ) : (
        <p className="choice__hint" role="status">
          {state.kind === 'done' ? exportSentence(state.result) : ''}
        </p>
      )}
    </div>
  );
}

function exportSentence(result: ExportCsvResult): string {
  if (result.kind === 'cancelled') return 'Export cancelled; no file was written.';
  if (result.kind === 'saved') return `Exported ${formatCount(result.rows, 'row', 'rows')} to ${result.fileName}.`;
  return `Exported ${formatCount(result.rows, 'row', 'rows')}: ${result.fileName} is downloading.`;
}
