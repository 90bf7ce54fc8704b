import { useEffect, useState } from 'react';
import { DialogClose, DialogShell, DialogTitle } from '../../components/dialog-shell.js';
import type { AppErrorInfo, MemberDetail as Detail } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useDirectoryStore } from './directory-store.js';
import { StatusMessage } from '../../components/status-message.js';
import { STATUS_LABELS, formatBytes, formatCount, formatDate, formatDateTime } from './format.js';
import type { PreparedMember } from './prepare-members.js';
import { MemberActionButtons } from '../member-actions/member-action-buttons.js';
import { MemberHistory } from '../audit/member-history.js';

type DetailState = { kind: 'loading' } | { kind: 'ready'; detail: Detail } | { kind: 'error'; error: AppErrorInfo };

/** The member detail panel: a side sheet over the directory, opened from a row. */
export function MemberDetailPanel() {
  const detailId = useDirectoryStore((s) => s.detailId);
  const member = useDirectoryStore((s) => (s.detailId ? s.directory?.byId.get(s.detailId) : undefined));
  const closeDetail = useDirectoryStore((s) => s.closeDetail);
  const open = detailId !== null && member !== undefined;

  // Opened from a row; when that row has gone (filtered out, scrolled away), the grid takes focus back.
  return (
    <DialogShell open={open} onClose={closeDetail} className="sheet" overlayClassName="sheet-overlay" fallbackFocus={focusableRow} initialFocus={sheetTitle}>
      {member && <DetailBody key={member.row.id} member={member} />}
      <DialogClose className="button sheet__close" aria-label="Close member details">
        ×
      </DialogClose>
    </DialogShell>
  );
}

/** The sheet opens at the member's name, not at its first action button. */
function sheetTitle(): HTMLElement | null {
  // Found by class, not id: Radix names the dialog by the title's own id.
  return document.querySelector<HTMLElement>('.sheet .sheet__title');
}

function focusableRow(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[role="grid"] [role="row"][tabindex="0"]');
}

function DetailBody({ member }: { member: PreparedMember }) {
  const [state, setState] = useState<DetailState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The directory's row shows at once; the fresh one from Dropbox replaces it when it arrives.
  const row = state.kind === 'ready' ? state.detail.member : member.row;
  const memberId = member.row.id;

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    api.getMemberDetail({ memberId }).then(
      (detail) => live && setState({ kind: 'ready', detail }),
      (err: unknown) => live && setState({ kind: 'error', error: toAppErrorInfo(err) }),
    );
    return () => {
      live = false;
    };
  }, [memberId, attempt]);

  return (
    <div className="sheet__body">
      <header className="sheet__header">
        <DialogTitle className="sheet__title" tabIndex={-1}>
          {row.name}
        </DialogTitle>
        <p className="sheet__subtitle">{row.email}</p>
      </header>

      {/* The directory's row: it updates with the change an action makes, while the fresh read above does not. */}
      <MemberActionButtons member={member.row} headingId="detail-actions" />

      <section aria-labelledby="detail-profile">
        <h3 id="detail-profile">Profile</h3>
        <dl className="facts">
          <Fact label="Status" value={`${STATUS_LABELS[row.status]}${row.status === 'removed' && row.recoverable ? ' (recoverable)' : ''}`} />
          <Fact label="Given name" value={row.givenName} />
          <Fact label="Surname" value={row.surname} />
          <Fact label="Email verified" value={row.emailVerified ? 'Yes' : 'No'} />
          <Fact label="Membership" value={row.membershipType === 'full' ? 'Full' : 'Limited'} />
          <Fact label="Joined" value={formatDate(row.joinedOn)} />
          <Fact label="Invited" value={formatDate(row.invitedOn)} />
          <Fact label="Suspended" value={formatDate(row.suspendedOn)} />
          <Fact label="External ID" value={row.externalId} />
          <Fact label="Team member ID" value={row.id} mono />
        </dl>
      </section>

      {state.kind === 'loading' && <StatusMessage tone="busy" title="Loading roles, groups, devices and apps…" />}
      {state.kind === 'error' && (
        <StatusMessage tone="error" title="Couldn't load the details" action={{ label: 'Retry', onClick: () => setAttempt((n) => n + 1) }}>
          <p>{state.error.message}</p>
        </StatusMessage>
      )}
      {state.kind === 'ready' && <DetailSections detail={state.detail} />}
      <MemberHistory memberId={memberId} email={row.email} />
    </div>
  );
}

function DetailSections({ detail }: { detail: Detail }) {
  return (
    <>
      <section aria-labelledby="detail-roles">
        <h3 id="detail-roles">Roles</h3>
        {detail.roles.length === 0 ? <p className="muted">Member (no admin role)</p> : <NameList items={detail.roles.map((r) => r.name)} />}
      </section>

      <section aria-labelledby="detail-groups">
        <h3 id="detail-groups">Groups</h3>
        {detail.groups.length === 0 ? <p className="muted">In no group</p> : <NameList items={detail.groups.map((g) => g.name)} />}
      </section>

      <section aria-labelledby="detail-devices">
        <h3 id="detail-devices">Devices</h3>
        {detail.devices.length === 0 ? (
          <p className="muted">No linked devices or web sessions</p>
        ) : (
          <ul className="item-list">
            {detail.devices.map((d) => (
              <li key={d.sessionId}>
                <span className="item-list__main">{d.name}</span>
                <span className="item-list__meta">
                  {[DEVICE_KINDS[d.kind], d.platform, d.country, d.ipAddress, d.updated ? `last active ${formatDateTime(d.updated)}` : undefined]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="detail-apps">
        <h3 id="detail-apps">Linked apps</h3>
        {detail.linkedApps.length === 0 ? (
          <p className="muted">No linked apps</p>
        ) : (
          <ul className="item-list">
            {detail.linkedApps.map((a) => (
              <li key={a.appId}>
                <span className="item-list__main">{a.appName}</span>
                <span className="item-list__meta">
                  {[a.publisher, a.linked ? `linked ${formatDate(a.linked)}` : undefined].filter(Boolean).join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="detail-usage">
        <h3 id="detail-usage">File usage</h3>
        {detail.fileUsage ? (
          <p>
            {formatCount(detail.fileUsage.files, 'file', 'files')}, {formatBytes(detail.fileUsage.bytes)}
          </p>
        ) : (
          <p className="muted">Not available for this team</p>
        )}
      </section>
    </>
  );
}

const DEVICE_KINDS: Record<Detail['devices'][number]['kind'], string> = {
  desktop: 'Desktop',
  mobile: 'Mobile',
  web: 'Web session',
};

function Fact({ label, value, mono }: { label: string; value: string | undefined; mono?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </>
  );
}

function NameList({ items }: { items: string[] }) {
  return (
    <ul className="chip-list">
      {items.map((name) => (
        <li key={name} className="chip">
          {name}
        </li>
      ))}
    </ul>
  );
}
