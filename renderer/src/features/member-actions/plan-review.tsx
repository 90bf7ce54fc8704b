import type { JobPlan, PlanItem } from '../../../../preload/contract.js';
import { formatCount } from '../directory/format.js';
import { itemSubject } from './describe-item.js';

/** The plan in words: per item what will be sent, what follows from it, and why something will not run. */
export function PlanReview({ plan }: { plan: JobPlan }) {
  const many = plan.items.length > 1;
  return (
    <div className="plan">
      <p className="plan__summary">{planSummary(plan)}</p>
      <ol className="plan__items" aria-label="Plan">
        {plan.items.map((item) => (
          <li key={item.index} className={`plan__item plan__item--${item.status}`}>
            {many && <p className="plan__subject">{itemSubject(item)}</p>}
            <PlanItemBody item={item} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function PlanItemBody({ item }: { item: PlanItem }) {
  return (
    <>
      {item.status === 'blocked' && (
        <div className="plan__problems">
          <p className="plan__status">Blocked: nothing will be sent.</p>
          <ul>
            {item.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {item.status === 'skip' && <p className="plan__status">Nothing to do: {item.skipReason ?? 'already as wanted.'}</p>}
      {item.status === 'ready' && (
        <>
          {item.consequences.length > 0 && (
            <>
              <h4 className="plan__heading">What happens</h4>
              <ul>
                {item.consequences.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </>
          )}
          {item.irreversible && <p className="plan__irreversible">This cannot be undone.</p>}
          <h4 className="plan__heading">Sent to Dropbox, in order</h4>
          <ol className="plan__calls">
            {item.calls.map((c) => (
              <li key={c} className="mono">
                {c}
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

export function planSummary(plan: JobPlan): string {
  const { ready, skip, blocked } = plan.counts;
  if (plan.items.length === 1) {
    if (ready === 1) return 'Ready. Nothing has been sent yet: review it, then confirm.';
    if (skip === 1) return 'Nothing needs to change, so nothing will be sent.';
    return 'This change cannot be made, so nothing will be sent.';
  }
  const parts = [`${formatCount(ready, 'change', 'changes')} ready`];
  if (skip) parts.push(`${skip.toLocaleString()} already as wanted`);
  if (blocked) parts.push(`${blocked.toLocaleString()} blocked`);
  return `${parts.join(', ')}. Nothing has been sent yet.`;
}
