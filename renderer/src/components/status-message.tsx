import type { ReactNode } from 'react';

interface StatusMessageProps {
  tone: 'info' | 'busy' | 'error';
  title: string;
  children?: ReactNode;
  action?: { label: string; onClick: () => void };
}

/** The designed empty, loading and error states: a heading, a sentence, and the one useful next step. */
export function StatusMessage({ tone, title, children, action }: StatusMessageProps) {
  return (
    <div className={`status-message status-message--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {tone === 'busy' && <span className="spinner" aria-hidden="true" />}
      <h2 className="status-message__title">{title}</h2>
      {children && <div className="status-message__body">{children}</div>}
      {action && (
        <button type="button" className="button button--primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
