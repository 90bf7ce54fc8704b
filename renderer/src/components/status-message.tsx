import type { ReactNode } from 'react';

interface StatusMessageProps {
  tone: 'info' | 'busy' | 'error';
  title: string;
  children?: ReactNode;
  action?: { label: string; onClick: () => void };
  /** Progress shown under the message but not announced (it changes every page). */
  progress?: string;
}

/** The designed empty, loading and error states: a heading, a sentence, and the one useful next step. */
export function StatusMessage({ tone, title, children, action, progress }: StatusMessageProps) {
  return (
    <div className={`status-message status-message--${tone}`}>
      <div className="status-message__text" role={tone === 'error' ? 'alert' : 'status'}>
        {tone === 'busy' && <span className="spinner" aria-hidden="true" />}
        <h2 className="status-message__title">{title}</h2>
        {children && <div className="status-message__body">{children}</div>}
      </div>
      {progress !== undefined && <p className="status-message__progress">{progress}</p>}
      {action && (
        <button type="button" className="button button--primary" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </div>
  );
}
