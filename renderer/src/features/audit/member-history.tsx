import { useState } from 'react';
import { api } from '../../api.js';
import { useRead } from '../../use-read.js';
import { formatDateTime } from '../directory/format.js';
import { useAuditStore } from './audit-store.js';
import { AUDIT_OUTCOME_WORDS, actionWords, summariseOptions } from './format-audit.js';

const SHOWN = 20;

/** The member sheet's "History": what Teamkeeper's jobs did to this member, newest first. */
export function MemberHistory({ memberId, email }: { memberId: string; email: string }) {
  const [limit, setLimit] = useState(SHOWN);
  // A job that acts on this member while the sheet is open shows up here too.
  const version = useAuditStore((s) => s.version);

  const { value: page, error } = useRead(() => api.getMemberHistory({ memberId, offset: 0, limit }), [memberId, limit, version]);

  return (
    <section aria-labelledby="detail-history">
      <h3 id="detail-history">History</h3>
      {error && <p className="field-error">Couldn't read the history: {error.message}</p>}
      {!error && !page && <p className="muted">Reading the audit log…</p>}
      {page && page.total === 0 && <p className="muted">Teamkeeper has not changed {email} yet.</p>}
      {page && page.total > 0 && (
        <ul className="item-list">
          {page.entries.map((e, i) => {
            const options = summariseOptions(e.options);
            return (
              <li key={`${e.jobId}-${e.time}-${i}`}>
                <span className="item-list__main">
                  {actionWords(e.action)}: {AUDIT_OUTCOME_WORDS[e.outcome].toLowerCase()}
                  {e.reason ? ` (${e.reason})` : ''}
                </span>
                <span className="item-list__meta">
                  {[formatDateTime(e.time), `by ${e.admin.email}`, options].filter(Boolean).join(' · ')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {page && page.total > page.entries.length && (
        <button type="button" className="button" onClick={() => setLimit((n) => n + SHOWN)}>
          Show older entries ({(page.total - page.entries.length).toLocaleString('en-US')} more)
        </button>
      )}
    </section>
  );
}
