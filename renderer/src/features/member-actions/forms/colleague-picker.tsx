import { useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { colleagueNamed, matchColleagues, pickerStatus, type Colleague } from './colleague-choices.js';

interface ColleaguePickerProps {
  id: string;
  label: string;
  /** Who may be chosen (already narrowed to the eligible members). */
  colleagues: readonly Colleague[];
  /** What the field holds: the chosen member's email, or what the admin typed. */
  value: string;
  onChange(value: string): void;
  /** Said under the field: who qualifies. */
  hint: string;
  error?: string;
}

/**
 * A text field that lists the matching colleagues as you type (an ARIA 1.2
 * combobox). With 50,000 members a select would be unusable; this lists at
 * most MAX_MATCHES and says how many more there are. ↓ ↑ move, Enter picks,
 * Escape closes the list without closing the dialog.
 */
export function ColleaguePicker({ id, label, colleagues, value, onChange, hint, error }: ColleaguePickerProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const { matches, total } = useMemo(() => matchColleagues(colleagues, value), [colleagues, value]);
  const chosen = useMemo(() => colleagueNamed(colleagues, value), [colleagues, value]);
  const listId = `${id}-list`;
  const shown = open && matches.length > 0;

  // The dialog closes on Escape from a capture listener on the document; while the list is open,
  // Escape belongs to the list, so it is taken one step earlier, on the window.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.target !== input.current) return;
      e.stopPropagation();
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [open]);

  // The highlighted colleague stays in sight as ↓ ↑ scroll the list.
  useEffect(() => {
    if (shown && active >= 0) document.getElementById(`${id}-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [shown, active, id]);

  const pick = (c: Colleague) => {
    onChange(c.row.email);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : matches.length - 1);
        return;
      }
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (matches.length === 0 ? -1 : (a + step + matches.length) % matches.length));
    } else if (e.key === 'Enter' && shown && active >= 0 && active < matches.length) {
      // Enter picks the highlighted colleague; it must not also submit the form around the field.
      e.preventDefault();
      pick(matches[active]);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  const status = pickerStatus(colleagues.length, value, chosen, total);

  return (
    <div className="form-field colleague-picker">
      <label htmlFor={id}>{label}</label>
      <input
        ref={input}
        id={id}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[`${id}-hint`, `${id}-status`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <span id={`${id}-hint`} className="choice__hint">
        {hint}
      </span>
      <ul id={listId} role="listbox" aria-label={label} className="colleague-picker__list" hidden={!shown}>
        {shown &&
          matches.map((c, i) => (
            <li
              key={c.row.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="colleague-picker__option"
              // Keeps focus in the field, so the list is not closed by the blur before the click lands.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              {c.row.name} <span className="colleague-picker__email">({c.row.email})</span>
            </li>
          ))}
      </ul>
      <span id={`${id}-status`} className="choice__hint" aria-live="polite">
        {status}
      </span>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
