import { useEffect, useMemo, useRef, useState } from 'react';
import type { ItemOutcomeFilter, JobSummary } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { useRead } from '../../use-read.js';
import { throttle } from '../../throttle.js';
import { StatusMessage } from '../../components/status-message.js';
import { lastPageWithin, Pager } from '../../components/pager.js';
import { ExportResultButton } from '../reports/export-result-button.js';
import { summariseOptions } from '../audit/format-audit.js';
import { itemSubject, outcomeWords } from './format-job.js';
import { ItemsFilter } from './items-filter.js';

const PAGE_SIZE = 50;

/** How the caption names the items shown. */
const FILTER_WORDS: Record<ItemOutcomeFilter, string> = { done: 'done', failed: 'failed', skipped: 'skipped', unconfirmed: 'unconfirmed', pending: 'not run yet' };

/**
 * A job's items, a page at a time, with their outcomes in words. The page on
 * screen is read again as the job moves (at most twice a second): the counts
 * say something changed, whichever items it was.
 */
export function JobItems({ job, headingId }: { job: JobSummary; headingId: string }) {
  const { jobId } = job;
  const [offset, setOffset] = useState(0);
  const [outcome, setOutcome] = useState<ItemOutcomeFilter | null>(null);
  const [tick, setTick] = useState(0);
  const bump = useMemo(() => throttle(() => setTick((t) => t + 1), 500), []);
  const first = useRef(true);
  const p = job.progress;
  const moved = `${p.done}/${p.failed}/${p.skipped}/${p.unconfirmed}/${job.state}`;

  useEffect(() => () => bump.cancel(), [bump]);
  useEffect(() => {
    // The first read happens anyway, below.
    if (first.current) first.current = false;
    else bump();
  }, [moved, bump]);

  const { value: page, error } = useRead(() => api.getJobItems({ jobId, offset, limit: PAGE_SIZE, ...(outcome ? { outcome } : {}) }), [jobId, offset, outcome, tick]);

  // Items leave a filter as the job runs ("Not run yet" empties): a page past the end moves back to the last one.
  const pageTotal = page?.total;
  useEffect(() => {
    if (pageTotal !== undefined) setOffset((now) => lastPageWithin(now, pageTotal, PAGE_SIZE));
  }, [pageTotal]);

  const total = page?.total ?? p.total;
  const last = Math.min(total, offset + PAGE_SIZE);
  const which = outcome ? ` (${FILTER_WORDS[outcome]})` : '';
  const range = total === 0 ? `No items${which}` : `Items ${(offset + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}${which}`;

  return (
    <section className="job-items" aria-labelledby={headingId}>
      <div className="job-items__head">
        <h2 id={headingId} tabIndex={-1}>
          Items of {job.label} <span className="muted mono">{jobId}</span>
        </h2>
        <ExportResultButton label="Export results (CSV)" run={() => api.exportJobResults({ jobId })} />
      </div>
      <ItemsFilter
        progress={p}
        value={outcome}
        onChange={(next) => {
          setOutcome(next);
          setOffset(0);
        }}
      />
      {error && (
        <StatusMessage tone="error" title="Couldn't read the items" action={{ label: 'Retry', onClick: () => setTick((t) => t + 1) }}>
          <p>{error.message}</p>
        </StatusMessage>
      )}
      {!page && !error && <StatusMessage tone="busy" title="Loading items…" />}
      {page && (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="data-table__caption">{range}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Member</th>
                  <th scope="col">Change</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Dropbox request ID</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.index}>
                    <td>{item.index + 1}</td>
                    <td>{itemSubject(item)}</td>
                    <td>{summariseOptions(item.input)}</td>
                    <td className={`outcome outcome--${item.outcome.outcome}`}>{outcomeWords(item.outcome)}</td>
                    <td className="mono">{'requestId' in item.outcome ? item.outcome.requestId : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} total={total} pageSize={PAGE_SIZE} onOffset={setOffset} what="items" />
        </>
      )}
    </section>
  );
}
