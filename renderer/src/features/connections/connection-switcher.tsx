import { useEffect, useId, useRef, useState } from 'react';
import type { AppErrorInfo, ConnectionSummary } from '../../../../preload/contract.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useConnectionStore } from './connection-store.js';
import { useConnectStore } from './connect-store.js';
import { CONNECTION_STATE_LABELS, connectionName, headerName, secondaryTeamName } from './connection-names.js';
import { RenameDialog } from './rename-dialog.js';
import { DisconnectDialog } from './disconnect-dialog.js';

/**
 * The team in the header, and behind it every connected team: switch,
 * rename, disconnect, connect another. A disclosure (button + panel of
 * buttons), so Tab and Enter are all it takes.
 */
export function ConnectionSwitcher({ connection }: { connection: ConnectionSummary }) {
  const id = useId();
  const connections = useConnectionStore((s) => s.connections);
  const [open, setOpen] = useState(false);
  const [renaming, setRenaming] = useState<ConnectionSummary | null>(null);
  const [disconnecting, setDisconnecting] = useState<ConnectionSummary | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [switching, setSwitching] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const teamName = secondaryTeamName(connection);

  const close = (refocus: boolean) => {
    setOpen(false);
    setError(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (!wrapperRef.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const switchTo = async (target: ConnectionSummary) => {
    if (switching) return;
    setSwitching(target.id);
    setError(null);
    try {
      await useConnectionStore.getState().switchTo(target.id);
      close(true);
    } catch (err) {
      setError(toAppErrorInfo(err));
    } finally {
      setSwitching(null);
    }
  };

  const teamsButton = () => buttonRef.current;

  return (
    <div
      className="switcher"
      ref={wrapperRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close(true);
        }
      }}
      // The panel covers what is below it: once focus has moved on, it goes.
      onBlur={(e) => {
        if (open && e.relatedTarget instanceof Node && !e.currentTarget.contains(e.relatedTarget)) close(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="switcher__button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        <span className="app-header__team-name">{headerName(connection)}</span>
        {teamName && <span className="muted switcher__team">{teamName}</span>}
        <span className="visually-hidden">Switch team</span>
        <span aria-hidden="true" className="switcher__caret">
          ▾
        </span>
      </button>
      <div id={`${id}-panel`} className="switcher__panel" role="region" aria-label="Teams" hidden={!open}>
        {open && (
          <>
            <ul className="switcher__list">
              {connections.map((c) => {
                const itemName = connectionName(c);
                const itemTeam = secondaryTeamName(c);
                return (
                  <li key={c.id} className="switcher__item" aria-current={c.active ? 'true' : undefined}>
                    <div className="switcher__item-text">
                      <span className="switcher__item-name">{itemName}</span>
                      <span className="muted">
                        {[c.kind === 'sandbox' ? 'Practice team' : itemTeam, CONNECTION_STATE_LABELS[c.state]].filter(Boolean).join(' · ')}
                      </span>
                    </div>
                    <div className="switcher__item-actions">
                      {c.active ? (
                        <span className="muted">Showing</span>
                      ) : (
                        <button type="button" className="button" aria-label={`Switch to ${itemName}`} aria-disabled={switching !== null} onClick={() => void switchTo(c)}>
                          {switching === c.id ? 'Switching…' : 'Switch'}
                        </button>
                      )}
                      <button
                        type="button"
                        className="button"
                        aria-label={`Rename ${itemName}`}
                        onClick={() => {
                          close(false);
                          setRenaming(c);
                        }}
                      >
                        Rename
                      </button>
                      {c.kind !== 'sandbox' && (
                        <button
                          type="button"
                          className="button"
                          aria-label={`Disconnect ${itemName}`}
                          onClick={() => {
                            close(false);
                            setDisconnecting(c);
                          }}
                        >
                          Disconnect
                        </button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
            {error && (
              <p className="field-error" role="alert">
                {error.message}
              </p>
            )}
            <button
              type="button"
              className="button switcher__connect"
              onClick={() => {
                close(false);
                useConnectStore.getState().openNew();
              }}
            >
              Connect another team
            </button>
          </>
        )}
      </div>
      <RenameDialog connection={renaming} onClose={() => setRenaming(null)} fallbackFocus={teamsButton} />
      <DisconnectDialog connection={disconnecting} onClose={() => setDisconnecting(null)} fallbackFocus={teamsButton} />
    </div>
  );
}
