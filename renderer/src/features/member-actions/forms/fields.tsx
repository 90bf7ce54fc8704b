import type { ReactNode } from 'react';

/**
 * Form controls for the action forms: each labelled, its hint and its error
 * tied to it (aria-describedby), marked aria-invalid while its error shows.
 * Ids come from the dialog's idPrefix plus the parameter name, so an error
 * keyed by that name lands under its field.
 */
interface FieldBase {
  idPrefix: string;
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

function describedBy({ idPrefix, name, error, hint }: FieldBase): string | undefined {
  const ids = [hint ? `${idPrefix}-${name}-hint` : '', error ? `${idPrefix}-${name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Below({ idPrefix, name, error, hint }: FieldBase) {
  return (
    <>
      {hint && (
        <span id={`${idPrefix}-${name}-hint`} className="choice__hint">
          {hint}
        </span>
      )}
      {error && (
        <p id={`${idPrefix}-${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function TextInput(props: FieldBase & { value: string; onChange(value: string): void; type?: 'text' | 'email'; code?: boolean }) {
  const { idPrefix, name, label, value, onChange, error, type = 'text', code } = props;
  return (
    <div className="form-field">
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <input
        id={`${idPrefix}-${name}`}
        name={name}
        type={type}
        className={code ? 'input mono' : 'input'}
        autoComplete="off"
        spellCheck={code ? false : undefined}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange(e.target.value)}
      />
      <Below {...props} />
    </div>
  );
}

export function CheckboxInput(props: FieldBase & { checked: boolean; onChange(checked: boolean): void }) {
  const { idPrefix, name, label, checked, onChange, error } = props;
  return (
    <div className="form-field form-field--choice">
      <label className="choice" htmlFor={`${idPrefix}-${name}`}>
        <input
          id={`${idPrefix}-${name}`}
          name={name}
          type="checkbox"
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(props)}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      <Below {...props} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectInput(props: FieldBase & { value: string; options: readonly Option[]; onChange(value: string): void }) {
  const { idPrefix, name, label, value, options, onChange, error } = props;
  return (
    <div className="form-field">
      <label htmlFor={`${idPrefix}-${name}`}>{label}</label>
      <select
        id={`${idPrefix}-${name}`}
        name={name}
        className="input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Below {...props} />
    </div>
  );
}
