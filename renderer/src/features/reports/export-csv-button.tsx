import { useId, useMemo, useState } from 'react';
import { DialogClose, DialogShell } from '../../components/dialog-shell.js';
import { CSV_COLUMNS, type AppErrorInfo, type CsvColumn, type CsvPreset, type ExportCsvResult } from '../../../../preload/contract.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { useDirectoryStore } from '../directory/directory-store.js';
import { formatCount } from '../directory/format.js';
import { CSV_COLUMN_LABELS, CSV_PRESETS, planExport, presetById, type ExportScope } from './csv-presets.js';
import { triggerDownload } from './trigger-download.js';

/** "Export CSV" in the directory toolbar, and the dialog it opens. */
export function ExportCsvButton() {
  const [open, setOpen] = useState(false);
  const ready = useDirectoryStore((s) => s.directory !== null);
  return (
    <>
      <button type="button" className="button" disabled={!ready} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Export CSV
      </button>
      <DialogShell
        open={open}
        onClose={() => setOpen(false)}
        className="dialog dialog--wide"
        title="Export CSV"
        description="A spreadsheet-ready file (UTF-8, ISO dates). Cells that a spreadsheet could run as a formula are neutralised."
      >
        {open && <ExportCsvForm />}
      </DialogShell>
    </>
  );
}

type Outcome = { kind: 'idle' } | { kind: 'exporting' } | { kind: 'done'; result: ExportCsvResult } | { kind: 'error'; error: AppErrorInfo };

function ExportCsvForm() {
  const id = useId();
  const shown = useDirectoryStore((s) => s.shown);
  const team = useDirectoryStore((s) => s.sorted);
  // What `team` holds, not the checkbox: it flips before the new sync arrives.
  const includeRemoved = useDirectoryStore((s) => s.directory?.includeRemoved ?? false);
  const selected = useDirectoryStore((s) => s.selected);
  // With members ticked, exporting them is what the admin most likely came for.
  const [scope, setScope] = useState<ExportScope>(() => (selected.size > 0 ? 'selected' : 'view'));
  const [presetId, setPresetId] = useState<CsvPreset>('member_report');
  const [columns, setColumns] = useState<ReadonlySet<CsvColumn>>(() => new Set(presetById('member_report').columns));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const preset = presetById(presetId);
  const plan = useMemo(
    () => planExport({ scope, preset, columns: [...columns], shown, team, includeRemoved, selected }),
    [scope, preset, columns, shown, team, includeRemoved, selected],
  );

  const choosePreset = (next: CsvPreset) => {
    setPresetId(next);
    setColumns(new Set(presetById(next).columns));
  };
  const toggleColumn = (column: CsvColumn, on: boolean) => {
    const next = new Set(columns);
    if (on) next.add(column);
    else next.delete(column);
    setColumns(next);
  };

  const runExport = async () => {
    if (outcome.kind === 'exporting') return;
    setOutcome({ kind: 'exporting' });
    try {
      const result = await api.exportMembersCsv(plan.arg);
      if (result.kind === 'download') triggerDownload(result.url, result.fileName);
      setOutcome({ kind: 'done', result });
    } catch (err) {
      setOutcome({ kind: 'error', error: toAppErrorInfo(err) });
    }
  };

  const scopes: Array<{ value: ExportScope; label: string; count: number }> = [
    { value: 'view', label: 'Current view', count: shown.length },
    { value: 'team', label: 'Whole team', count: team.length },
  ];
  if (selected.size > 0) scopes.push({ value: 'selected', label: 'Selected members', count: selected.size });

  return (
    <form
      className="export-form"
      onSubmit={(e) => {
        e.preventDefault();
        void runExport();
      }}
    >
      <div className="export-form__grid">
        <fieldset className="fieldset">
          <legend>Rows</legend>
          {scopes.map((s) => (
            <label key={s.value} className="choice">
              <input type="radio" name={`${id}-scope`} value={s.value} checked={scope === s.value} onChange={() => setScope(s.value)} />
              {s.label} ({formatCount(s.count, 'member', 'members')})
            </label>
          ))}
        </fieldset>

        <fieldset className="fieldset">
          <legend>Preset</legend>
          {CSV_PRESETS.map((p) => (
            <label key={p.id} className="choice">
              <input
                type="radio"
                name={`${id}-preset`}
                value={p.id}
                checked={presetId === p.id}
                onChange={() => choosePreset(p.id)}
                aria-describedby={`${id}-preset-${p.id}`}
              />
              <span>
                {p.label}
                <span id={`${id}-preset-${p.id}`} className="choice__hint">
                  {p.description}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className="fieldset fieldset--columns">
          <legend>Columns</legend>
          {CSV_COLUMNS.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={columns.has(c)} onChange={(e) => toggleColumn(c, e.target.checked)} />
              {CSV_COLUMN_LABELS[c]}
            </label>
          ))}
        </fieldset>
      </div>

      <p className="export-form__plan">
        {formatCount(plan.rows, 'row', 'rows')} will be exported
        {columns.size === 0 ? ' — choose at least one column.' : ` with ${formatCount(columns.size, 'column', 'columns')}.`}
      </p>

      <OutcomeMessage outcome={outcome} />

      <div className="dialog__actions">
        <DialogClose className="button" type="button">
          {outcome.kind === 'done' ? 'Close' : 'Cancel'}
        </DialogClose>
        <button type="submit" className="button button--primary" disabled={columns.size === 0}>
          {outcome.kind === 'exporting' ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </form>
  );
}

function OutcomeMessage({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'error') {
    return (
      <p className="export-form__outcome export-form__outcome--error" role="alert">
        Export failed: {outcome.error.message}
      </p>
    );
  }
  const text =
    outcome.kind !== 'done'
      ? ''
      : outcome.result.kind === 'cancelled'
        ? 'Export cancelled; no file was written.'
        : outcome.result.kind === 'saved'
          ? `Exported ${formatCount(outcome.result.rows, 'row', 'rows')} to ${outcome.result.fileName}.`
          : `Exported ${formatCount(outcome.result.rows, 'row', 'rows')}: ${outcome.result.fileName} is downloading.`;
  return (
    <p className="export-form__outcome" role="status">
      {text}
    </p>
  );
}
