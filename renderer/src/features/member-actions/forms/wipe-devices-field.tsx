interface WipeDevicesFieldProps {
  id: string;
  checked: boolean;
  onChange(checked: boolean): void;
  /** Why the wipe cannot be chosen here (it is then off), or undefined when it can. */
  lockedOff?: string;
  error?: string;
}

/**
 * Dropbox's wipe_data, with what on and off mean said in words beside the
 * box: the admin should never have to guess whether laptops will be wiped.
 */
export function WipeDevicesField({ id, checked, onChange, lockedOff, error }: WipeDevicesFieldProps) {
  const on = checked && lockedOff === undefined;
  const hint = lockedOff
    ? `Off: ${lockedOff}`
    : on
      ? 'On: their linked computers and phones delete their copies of Dropbox files the next time they connect.'
      : 'Off: files already on their linked computers and phones stay there.';
  return (
    <div className="form-field">
      <label className="choice" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={on}
          disabled={lockedOff !== undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span>Wipe their linked devices</span>
      </label>
      <span id={`${id}-hint`} className="choice__hint">
        {hint}
      </span>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
