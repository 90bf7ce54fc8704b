import type { ActionFormProps } from '../action-spec.js';
import { chooseFate, FILE_FATES, fateUnavailable, optionsFor, type RemoveValues } from './remove-options.js';
import { TransferPickers } from './transfer-pickers.js';
import { WipeDevicesField } from './wipe-devices-field.js';

export function RemoveForm({ member, values, onChange, errors, members, idPrefix }: ActionFormProps<RemoveValues>) {
  const fits = optionsFor(values.fate);
  const set = (patch: Partial<RemoveValues>) => onChange({ ...values, ...patch });

  return (
    <>
      <fieldset className="fieldset">
        <legend>What happens to their files?</legend>
        {FILE_FATES.map((f) => {
          const unavailable = fateUnavailable(f.value, member);
          return (
            <label key={f.value} className="choice">
              <input
                type="radio"
                name={`${idPrefix}-fate`}
                value={f.value}
                checked={values.fate === f.value}
                disabled={unavailable !== undefined}
                aria-describedby={`${idPrefix}-fate-${f.value}-hint`}
                onChange={() => onChange(chooseFate(values, f.value))}
              />
              <span>
                {f.label}
                <span id={`${idPrefix}-fate-${f.value}-hint`} className="choice__hint">
                  {unavailable ?? f.hint}
                </span>
              </span>
            </label>
          );
        })}
      </fieldset>
      {fits.recipients && <TransferPickers leaver={member} members={members} idPrefix={idPrefix} values={values} errors={errors} onChange={set} />}
      {fits.teamShares && (
        <div className="form-field">
          <label className="choice" htmlFor={`${idPrefix}-retainTeamShares`}>
            <input
              id={`${idPrefix}-retainTeamShares`}
              type="checkbox"
              checked={values.retainTeamShares}
              aria-describedby={[`${idPrefix}-retainTeamShares-hint`, errors.retainTeamShares ? `${idPrefix}-retainTeamShares-error` : ''].filter(Boolean).join(' ')}
              aria-invalid={errors.retainTeamShares ? true : undefined}
              onChange={(e) => set({ retainTeamShares: e.target.checked })}
            />
            <span>Keep folders shared with them directly</span>
          </label>
          <span id={`${idPrefix}-retainTeamShares-hint`} className="choice__hint">
            Folders shared with them by name (not through a group, and not Paper folders) stay shared with the Basic account. Needs the team to allow sharing outside the team.
          </span>
          {errors.retainTeamShares && (
            <p id={`${idPrefix}-retainTeamShares-error`} className="field-error">
              {errors.retainTeamShares}
            </p>
          )}
        </div>
      )}
      <WipeDevicesField
        id={`${idPrefix}-wipeData`}
        checked={values.wipeData}
        onChange={(wipeData) => set({ wipeData })}
        lockedOff={fits.wipeChoosable ? undefined : 'someone who keeps their account keeps the files on their devices.'}
        error={errors.wipeData}
      />
    </>
  );
}
