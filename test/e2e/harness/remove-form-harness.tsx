import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { MemberRow } from '../../../preload/contract.js';
import { removeParams } from '../../../preload/contract/member-actions.js';
import { DialogShell } from '../../../renderer/src/components/dialog-shell.js';
import { removeSpec } from '../../../renderer/src/features/member-actions/specs/remove.js';
import type { RemoveValues } from '../../../renderer/src/features/member-actions/forms/remove-options.js';

/**
 * The remove form alone in a dialog, over a 50,000-member directory: what
 * the colleague picker must stay usable with. "Check" validates with
 * removeParams as the action dialog does and puts the job item in
 * window.__params (or the errors under the fields); window.__checks counts them.
 */
const TEAM_SIZE = 50_000;

function member(i: number, patch: Partial<MemberRow> = {}): MemberRow {
  return {
    id: `dbmid:h${i}`,
    email: `person${i}@example.com`,
    name: `Person ${i}`,
    givenName: 'Person',
    surname: String(i),
    status: 'active',
    roleIds: [],
    groupIds: [],
    membershipType: 'full',
    emailVerified: true,
    ...patch,
  };
}

const leaver = member(0, { email: 'lee.leaver@example.com', name: 'Lee Leaver' });
const members: MemberRow[] = [
  leaver,
  member(1, { email: 'rita.receiver@example.com', name: 'Rita Receiver' }),
  member(2, { email: 'ada.admin@example.com', name: 'Ada Admin', roleIds: ['pid_dbtmr:team_admin'] }),
  member(3, { email: 'uma.unverified@example.com', name: 'Uma Unverified', emailVerified: false }),
  member(4, { email: 'sid.suspended@example.com', name: 'Sid Suspended', status: 'suspended', roleIds: ['pid_dbtmr:team_admin'] }),
  ...Array.from({ length: TEAM_SIZE - 5 }, (_, i) => member(i + 5)),
];

function Harness() {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<RemoveValues>(() => removeSpec.initialValues(leaver));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const check = () => {
    const parsed = removeParams.safeParse(removeSpec.toParams(values, leaver));
    const w = window as unknown as { __params: unknown; __checks: number };
    w.__checks++;
    if (parsed.success) {
      setErrors({});
      w.__params = parsed.data;
      return;
    }
    const out: Record<string, string> = {};
    for (const issue of parsed.error.issues) out[String(issue.path[0] ?? '_form')] ??= issue.message;
    setErrors(out);
    w.__params = null;
  };
  return (
    <main>
      <h1>Remove form</h1>
      <button type="button" onClick={() => setOpen(true)}>
        Remove Lee Leaver
      </button>
      <DialogShell open={open} onClose={() => setOpen(false)} title="Remove from team" description="Lee Leaver (lee.leaver@example.com)" role="alertdialog">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            check();
          }}
        >
          <removeSpec.Form member={leaver} values={values} onChange={setValues} errors={errors} roles={[]} members={members} idPrefix="h" />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button button--primary">
              Check
            </button>
          </div>
        </form>
      </DialogShell>
    </main>
  );
}

Object.assign(window, { __params: undefined, __checks: 0 });
createRoot(document.getElementById('root')!).render(<Harness />);
