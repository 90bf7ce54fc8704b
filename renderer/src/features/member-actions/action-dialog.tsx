import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AppErrorInfo, ItemResult, JobPlan } from '../../../../preload/contract.js';
import { MEMBER_ACTION_PARAMS } from '../../../../preload/contract/member-actions.js';
import { api } from '../../api.js';
import { toAppErrorInfo } from '../../bridge/app-error.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DialogClose, DialogShell } from '../../components/dialog-shell.js';
import { useDirectoryStore } from '../directory/directory-store.js';
import { memberListRow } from '../directory/directory-focus.js';
import type { MemberActionSpec } from './action-spec.js';
import { useActionStore } from './action-store.js';
import { FORM_ERROR, fieldErrors } from './field-errors.js';
import { JobProgressView } from './job-progress.js';
import { JobResults } from './job-results.js';
import { useJobPolling, useJobWatch } from './job-watch.js';
import { PlanReview } from './plan-review.js';
import { ErrorLine } from '../../components/error-line.js';

/** How many result lines the dialog shows; the rest are in the export and the Jobs view. */
const RESULT_PAGE = 100;

type Step =
  | { kind: 'form' }
  | { kind: 'plan'; plan: JobPlan }
  | { kind: 'running'; plan: JobPlan; jobId: string }
  | { kind: 'result'; plan: JobPlan; jobId: string; items: ItemResult[]; total: number };

/** The one action dialog, mounted once; whichever entry point opened an action, it shows here. */
export function ActionDialogHost() {
  const current = useActionStore((s) => s.current);
  const close = useActionStore((s) => s.close);
  if (!current) return null;
  return <ActionDialog key={current.opening} spec={current.spec} member={current.member} onClose={close} />;
}

interface ActionDialogProps<V> {
  spec: MemberActionSpec<V>;
  member: ActionDialogMember;
  onClose(): void;
}
type ActionDialogMember = Parameters<MemberActionSpec['initialValues']>[0];

/**
 * Form → plan (nothing sent) → confirm → progress → result, for every
 * action. Closing at any step sends nothing more: before the confirmation
 * nothing was sent, and a job that started keeps running in main.
 */
export function ActionDialog<V>({ spec, member, onClose }: ActionDialogProps<V>) {
  const id = useId();
  const bodyRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const roles = useDirectoryStore((s) => s.directory?.roles ?? NONE);
  const rows = useDirectoryStore((s) => s.directory?.members ?? NONE);
  const members = useMemo(() => rows.map((m) => m.row), [rows]);
  const [values, setValues] = useState<V>(() => spec.initialValues(member));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const [pending, setPending] = useState<'planning' | 'starting' | null>(null);
  const [error, setError] = useState<AppErrorInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const live = useRef(true);
  // Set again on mount: StrictMode mounts, unmounts and mounts once more in development.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const watched = useJobWatch((s) => (step.kind === 'running' && s.watched?.jobId === step.jobId ? s.watched : null));
  useJobPolling(step.kind === 'running' ? step.jobId : null, watched?.state);

  // Each step takes focus to where it starts: the form's first field (or the one to fix), else the step's heading.
  const focusKey = `${step.kind}:${Object.keys(errors).join(',')}`;
  const moveFocus = () => {
    const body = bodyRef.current;
    if (!body) return;
    if (step.kind === 'form') {
      // A form with nothing to fill in starts on Review plan, which only reads.
      const target =
        body.querySelector<HTMLElement>('[aria-invalid="true"]') ?? body.querySelector<HTMLElement>('input, select, textarea') ?? body.querySelector<HTMLElement>('button[type="submit"]');
      target?.focus();
    } else {
      headingRef.current?.focus();
    }
  };
  useEffect(() => {
    // After Radix's own first focus (the first tabbable, which may be Cancel), not before it.
    const frame = requestAnimationFrame(() => moveFocus());
    return () => cancelAnimationFrame(frame);
  }, [focusKey]);

  // A settled job's results are read once, then shown in words.
  // Paused and interrupted jobs stay on the progress step, where Resume is.
  const settled = step.kind === 'running' && watched !== null && (watched.state === 'finished' || watched.state === 'cancelled');
  useEffect(() => {
    if (!settled || step.kind !== 'running') return;
    const { jobId, plan } = step;
    api.getJobItems({ jobId, offset: 0, limit: RESULT_PAGE }).then(
      (page) => {
        if (!live.current) return;
        setStep({ kind: 'result', plan, jobId, items: page.items, total: page.total });
        setAnnouncement(`Finished: ${resultSummary(page.items)}`);
      },
      (err: unknown) => live.current && setError(toAppErrorInfo(err)),
    );
  }, [settled, step]);

  const review = async (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    const params = spec.toParams(values, member);
    const checked = MEMBER_ACTION_PARAMS[spec.kind].safeParse(params);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error));
      return;
    }
    setErrors({});
    setError(null);
    setPending('planning');
    try {
      const plan = await api.planJob({ kind: spec.kind, items: [checked.data] });
      if (!live.current) return;
      setStep({ kind: 'plan', plan });
      setAnnouncement(`Plan ready. ${plan.counts.ready > 0 ? 'Review it, then confirm.' : 'Nothing will be sent.'}`);
    } catch (err) {
      if (live.current) setError(toAppErrorInfo(err));
    } finally {
      if (live.current) setPending(null);
    }
  };

  const start = async (plan: JobPlan, confirmation?: string) => {
    if (pending) return;
    setPending('starting');
    setError(null);
    try {
      const summary = await api.startJob({ jobId: plan.jobId, ...(confirmation !== undefined ? { confirmation } : {}) });
      if (!live.current) return;
      useJobWatch.getState().watch(summary);
      setConfirming(false);
      setStep({ kind: 'running', plan, jobId: summary.jobId });
      setAnnouncement('Running.');
    } catch (err) {
      if (live.current) setError(toAppErrorInfo(err));
    } finally {
      if (live.current) setPending(null);
    }
  };

  const run = (plan: JobPlan) => {
    // A destructive change, or one the plan asks to be typed, is confirmed in its own alert; the rest start here.
    if (spec.destructive || plan.confirmation) {
      setError(null);
      setConfirming(true);
    } else void start(plan);
  };

  const heading = step.kind === 'form' ? null : step.kind === 'plan' ? 'Review the plan' : step.kind === 'running' ? 'Progress' : 'Result';

  return (
    <DialogShell
      open
      onClose={onClose}
      title={spec.label}
      description={spec.describe?.(member) ?? (member ? `${member.name} (${member.email})` : undefined)}
      role={spec.destructive ? 'alertdialog' : 'dialog'}
      className="dialog dialog--wide action-dialog"
      busy={pending === 'starting'}
      fallbackFocus={memberListRow}
    >
      <div ref={bodyRef}>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
        {heading && (
          <h3 ref={headingRef} className="action-dialog__step" tabIndex={-1}>
            {heading}
          </h3>
        )}

        {step.kind === 'form' && (
          <form noValidate onSubmit={(e) => void review(e)} aria-describedby={errors[FORM_ERROR] ? `${id}-form-error` : undefined}>
            <spec.Form member={member} values={values} onChange={setValues} errors={errors} roles={roles} members={members} idPrefix={id} />
            {errors[FORM_ERROR] && (
              <p id={`${id}-form-error`} className="field-error" role="alert">
                {errors[FORM_ERROR]}
              </p>
            )}
            {error && (
              <ErrorLine>{error.message}</ErrorLine>
            )}
            <div className="dialog__actions">
              <DialogClose className="button" type="button">
                Cancel
              </DialogClose>
              <button type="submit" className="button button--primary" aria-disabled={pending !== null || undefined}>
                {pending === 'planning' ? 'Planning…' : 'Review plan'}
              </button>
            </div>
          </form>
        )}

        {step.kind === 'plan' && (
          <>
            <PlanReview plan={step.plan} />
            {error && !confirming && (
              <ErrorLine>{error.message}</ErrorLine>
            )}
            <div className="dialog__actions">
              <button type="button" className="button" onClick={() => setStep({ kind: 'form' })}>
                Back
              </button>
              <DialogClose className="button" type="button">
                {step.plan.counts.ready > 0 ? 'Cancel' : 'Close'}
              </DialogClose>
              {step.plan.counts.ready > 0 && (
                <button
                  type="button"
                  className={spec.destructive ? 'button button--danger' : 'button button--primary'}
                  aria-disabled={pending !== null || undefined}
                  onClick={() => run(step.plan)}
                >
                  {pending === 'starting' ? `${spec.label}…` : (spec.runLabel ?? spec.label)}
                </button>
              )}
            </div>
            <ConfirmDialog
              open={confirming}
              onCancel={() => setConfirming(false)}
              onConfirm={() => start(step.plan, step.plan.confirmation?.text)}
              title={`${spec.runLabel ?? spec.label}?`}
              description={step.plan.confirmation?.prompt ?? (member ? `${member.name} (${member.email})` : spec.label)}
              confirmLabel={spec.runLabel ?? spec.label}
              destructive={spec.destructive}
              confirmPhrase={step.plan.confirmation?.text}
              busy={pending === 'starting'}
              error={error}
              fallbackFocus={() => headingRef.current}
            >
              {step.plan.irreversible && <p className="plan__irreversible">This cannot be undone.</p>}
            </ConfirmDialog>
          </>
        )}

        {step.kind === 'running' && (
          <>
            <JobProgressView jobId={step.jobId} />
            {error && (
              <ErrorLine>{error.message}</ErrorLine>
            )}
            <div className="dialog__actions">
              <DialogClose className="button" type="button">
                Close
              </DialogClose>
            </div>
          </>
        )}

        {step.kind === 'result' && (
          <>
            <JobResults jobId={step.jobId} items={step.items} total={step.total} />
            <div className="dialog__actions">
              <DialogClose className="button button--primary" type="button">
                Close
              </DialogClose>
            </div>
          </>
        )}
      </div>
    </DialogShell>
  );
}

const NONE: readonly never[] = [];

function resultSummary(items: readonly ItemResult[]): string {
  const count = (o: string) => items.filter((i) => i.outcome.outcome === o).length;
  if (items.length === 1) {
    const only = items[0].outcome.outcome;
    return only === 'done' ? 'done.' : only === 'skipped' ? 'skipped.' : only === 'failed' ? 'failed.' : 'not finished.';
  }
  return `${count('done')} done, ${count('skipped')} skipped, ${count('failed')} failed.`;
}
