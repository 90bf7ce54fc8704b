import type { MemberRow } from '../../../../preload/contract.js';
import { useActionStore } from './action-store.js';
import { actionsFor } from './registry.js';

/** The member sheet's actions: one button each, so every action is one Tab away. */
export function MemberActionButtons({ member, headingId }: { member: MemberRow; headingId: string }) {
  const actions = actionsFor(member);
  const open = useActionStore((s) => s.open);
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Actions</h3>
      <div className="action-buttons">
        {actions.map((spec) => (
          <button
            key={spec.kind}
            type="button"
            className={spec.destructive ? 'button button--danger-outline' : 'button'}
            aria-haspopup="dialog"
            onClick={() => open(spec, member)}
          >
            {spec.label}…
          </button>
        ))}
      </div>
    </section>
  );
}
