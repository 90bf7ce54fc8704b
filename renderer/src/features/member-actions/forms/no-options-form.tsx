import type { ReactNode } from 'react';

/** An action with nothing to choose: the form is what will happen, in a sentence or two. */
export function NoOptionsForm({ children }: { children: ReactNode }) {
  return <div className="action-note">{children}</div>;
}
