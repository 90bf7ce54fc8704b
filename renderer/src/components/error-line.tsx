import type { ReactNode } from 'react';

/** A sentence saying what went wrong, announced once when it appears (under a form, a step, a card). */
export function ErrorLine({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="field-error" role="alert">
      {children}
    </p>
  );
}
