import { useId, useState, type ReactNode } from 'react';
import { confirmationMatches } from '../../../preload/confirmation.js';
import type { AppErrorInfo } from '../../../preload/contract.js';
import { DialogShell } from './dialog-shell.js';

export interface ConfirmDialogProps {
  open: boolean;
  /** Cancel, Escape or the overlay: nothing happens. */
  onCancel(): void;
  /** The action; the dialog stays open (busy) until it settles and shows `error` if it fails. */
  onConfirm(): void | Promise<void>;
  title: string;
  /** One sentence of what the action does; read when the dialog opens. */
  description: ReactNode;
  /** Further detail (who is affected, what cannot be undone). */
  children?: ReactNode;
  /** The verb on the confirm button ("Disconnect", "Suspend 12 members"). */
  confirmLabel: string;
  busyLabel?: string;
  cancelLabel?: string;
  /** Red button and an alertdialog: the action loses access or data. */
  destructive?: boolean;
  /** "Type X to confirm": the action is refused until this exact text is typed. */
  confirmPhrase?: string;
  busy?: boolean;
  error?: AppErrorInfo | null;
  fallbackFocus?: () => HTMLElement | null | undefined;
}

/**
 * The confirmation every action uses. Focus starts on the safe choice
 * (Cancel, or the phrase field, which cannot confirm by itself); the confirm
 * button is never the form's default button, so Enter on Cancel cancels and
 * Enter in the phrase field confirms only once the phrase matches. Escape
 * closes and focus goes back to the opener (DialogShell).
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <DialogShell
      open={props.open}
      onClose={props.onCancel}
      title={props.title}
      description={props.description}
      role={props.destructive ? 'alertdialog' : 'dialog'}
      busy={props.busy}
      fallbackFocus={props.fallbackFocus}
    >
      {/* Remounted per opening: a typed phrase never carries over to the next confirmation. */}
      {props.open && <ConfirmBody {...props} />}
    </DialogShell>
  );
}

function ConfirmBody({ onCancel, onConfirm, children, confirmLabel, busyLabel, cancelLabel = 'Cancel', destructive, confirmPhrase, busy = false, error }: ConfirmDialogProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [nudge, setNudge] = useState(false);
  const valid = confirmPhrase === undefined || confirmationMatches(typed, confirmPhrase);
  const confirm = () => {
    if (busy) return;
    if (!valid) {
      setNudge(true);
      return;
    }
    void onConfirm();
  };
  const describedBy = [nudge && !valid ? `${id}-nudge` : `${id}-phrase-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <>
      {children}
      {confirmPhrase !== undefined && (
        <div className="form-field">
          <label htmlFor={`${id}-phrase`}>
            Type <span className="confirm__phrase">{confirmPhrase}</span> to confirm
          </label>
          <input
            id={`${id}-phrase`}
            className="input mono"
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={typed}
            aria-invalid={nudge && !valid ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setTyped(e.target.value);
              setNudge(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                confirm();
              }
            }}
          />
          <span id={`${id}-phrase-hint`} className="choice__hint">
            This protects against confirming by accident.
          </span>
          {nudge && !valid && (
            <p id={`${id}-nudge`} className="field-error" role="alert">
              Type {confirmPhrase} exactly, then confirm.
            </p>
          )}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error.message}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" autoFocus={confirmPhrase === undefined} onClick={() => !busy && onCancel()} aria-disabled={busy || undefined}>
          {cancelLabel}
        </button>
        <button
          type="button"
          className={destructive ? 'button button--danger' : 'button button--primary'}
          aria-disabled={busy || !valid || undefined}
          onClick={confirm}
        >
          {busy ? (busyLabel ?? `${confirmLabel}…`) : confirmLabel}
        </button>
      </div>
    </>
  );
}
