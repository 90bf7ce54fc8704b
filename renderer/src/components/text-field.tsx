import { useEffect, useId, useRef, type ReactNode } from 'react';
import type { AppErrorInfo } from '../../../preload/contract.js';
import { fieldMessage } from './field-message.js';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Announced under the field; the field describes itself with it. */
  error?: AppErrorInfo | null;
  /** Whether the error is about this field's value (default: any error). */
  invalid?: boolean;
  hint?: ReactNode;
  /** Codes and keys: monospace, no spell check. */
  code?: boolean;
  autoFocus?: boolean;
}

/** A labelled text input with its hint and its error, wired for screen readers. */
export function TextField({ label, value, onChange, error, invalid = !!error, hint, code = false, autoFocus }: TextFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // A refused value takes focus back: at high zoom the error beside it is then scrolled into view too.
  useEffect(() => {
    if (error && invalid) input.current?.focus();
  }, [error, invalid]);
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        className={code ? 'input mono' : 'input'}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={code ? false : undefined}
        value={value}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="choice__hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {fieldMessage(error)}
        </p>
      )}
    </div>
  );
}
