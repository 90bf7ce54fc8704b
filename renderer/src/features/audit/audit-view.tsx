import { useEffect, useId, useState } from 'react';
import { api } from '../../api.js';
import { Pager } from '../../components/pager.js';
import { StatusMessage } from '../../components/status-message.js';
import { formatDateTime } from '../directory/format.js';
import { ExportResultButton } from '../reports/export-result-button.js';
import { AUDIT_PAGE_SIZE, useAuditStore } from './audit-store.js';
import { ACTION_KINDS, ACTION_WORDS, AUDIT_OUTCOME_WORDS, actionWords, auditFilterOf, entryMember, isFiltering, summariseOptions } from './format-audit.js';
import { AUDIT_OUTCOMES } from '../../../../preload/contract.js';
import '../../components/page.css';
import './audit.css';

/** What every job did on the shown team, newest first, filtered and exported. */
export function AuditView() {
  const page = useAuditStore((s) => s.page);
  const status = useAuditStore((s) => s.status);
  const error = useAuditStore((s) => s.error);
  const form = useAuditStore((s) => s.form);
  const offset = useAuditStore((s) => s.offset);
  const version = useAuditStore((s) => s.version);
  const load = useAuditStore((s) => s.load);
  const setOffset = useAuditStore((s) => s.setOffset);
  const clearForm = useAuditStore((s) => s.clearForm);
  const filtering = isFiltering(form);

  // On opening, and whenever jobs wrote to the log while it is open.
  useEffect(() => {
    void load();
  }, [load, version]);

  return (
    <main className="page" aria-labelledby="audit-title">
      <h1 id="audit-title" className="page__title" tabIndex={-1}>
        Audit log
      </h1>
      <AuditFilters />
      {page?.damage && (
        <div className="banner banner--warning" role="status">
          {page.damage}
        </div>
      )}
      {status === 'error' && error && (
        <StatusMessage tone="error" title="Couldn't read the audit log" action={{ label: 'Retry', onClick: () => void load() }}>
          <p>{error.message}</p>
        </StatusMessage>
      )}
      {status === 'loading' && !page && <StatusMessage tone="busy" title="Reading the audit log…" />}
      {page && page.total === 0 && !filtering && (
        <StatusMessage tone="info" title="Nothing recorded yet">
          <p>Every change made through Teamkeeper is recorded here, one line per member, as it happens.</p>
        </StatusMessage>
      )}
      {page && page.total === 0 && filtering && (
        <StatusMessage tone="info" title="No entries match" action={{ label: 'Clear filters', onClick: clearForm }}>
          <p>No entry of the audit log matches the filters.</p>
        </StatusMessage>
      )}
      {page && page.total > 0 && (
        <>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="data-table__caption">
                Entries {(offset + 1).toLocaleString('en-US')}–{Math.min(page.total, offset + AUDIT_PAGE_SIZE).toLocaleString('en-US')} of {page.total.toLocaleString('en-US')}, newest first
              </caption>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Admin</th>
                  <th scope="col">Action</th>
                  <th scope="col">Member</th>
                  <th scope="col">Options</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Request ID</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e, i) => (
                  <tr key={`${e.jobId}-${e.time}-${i}`}>
                    <td>{formatDateTime(e.time)}</td>
                    <td>{e.admin.email}</td>
                    <td>{actionWords(e.action)}</td>
                    <td>{entryMember(e)}</td>
                    <td>{summariseOptions(e.options)}</td>
                    <td className={`outcome outcome--${e.outcome}`}>{AUDIT_OUTCOME_WORDS[e.outcome]}</td>
                    <td>
                      {e.reason}
                      {e.errorTag ? ` (Dropbox: ${e.errorTag})` : ''}
                    </td>
                    <td className="mono">{e.requestId}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager offset={offset} total={page.total} pageSize={AUDIT_PAGE_SIZE} onOffset={setOffset} what="audit entries" />
        </>
      )}
    </main>
  );
}

/** Member (typed), action, outcome, dates; each applies as it changes. Export takes the same filter. */
function AuditFilters() {
  const id = useId();
  const form = useAuditStore((s) => s.form);
  const problem = useAuditStore((s) => s.problem);
  const setForm = useAuditStore((s) => s.setForm);
  const clearForm = useAuditStore((s) => s.clearForm);
  const [member, setMember] = useState(form.member);

  // Typing settles before it is read; the field follows a clear from elsewhere.
  useEffect(() => {
    if (member === form.member) return;
    const timer = setTimeout(() => setForm({ member }), 300);
    return () => clearTimeout(timer);
  }, [member, form.member, setForm]);
  useEffect(() => setMember(form.member), [form.member]);

  const checked = auditFilterOf(form);

  return (
    <form
      className="audit-filters"
      aria-label="Audit log filters"
      onSubmit={(e) => {
        e.preventDefault();
        setForm({ member });
      }}
    >
      <label className="audit-filters__field">
        Member
        <input className="input" type="search" value={member} placeholder="Email or member id" onChange={(e) => setMember(e.target.value)} />
      </label>
      <label className="audit-filters__field">
        Action
        <select className="input" value={form.action} onChange={(e) => setForm({ action: e.target.value })}>
          <option value="">Any action</option>
          {ACTION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACTION_WORDS[kind]}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filters__field">
        Outcome
        <select className="input" value={form.outcome} onChange={(e) => setForm({ outcome: e.target.value as typeof form.outcome })}>
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {AUDIT_OUTCOME_WORDS[o]}
            </option>
          ))}
        </select>
      </label>
      <label className="audit-filters__field">
        From
        <input className="input" type="date" value={form.from} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => setForm({ from: e.target.value })} />
      </label>
      <label className="audit-filters__field">
        To
        <input className="input" type="date" value={form.to} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => setForm({ to: e.target.value })} />
      </label>
      <div className="audit-filters__actions">
        <button type="button" className="button" onClick={clearForm} aria-disabled={!isFiltering(form) || undefined}>
          Clear filters
        </button>
        <ExportResultButton
          label="Export CSV"
          run={() => {
            if ('problem' in checked) return Promise.reject(new Error(checked.problem));
            return api.exportAudit({ filter: checked.filter });
          }}
        />
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-error audit-filters__problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
